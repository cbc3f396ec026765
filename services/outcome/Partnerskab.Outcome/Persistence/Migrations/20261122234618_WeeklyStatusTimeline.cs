using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Partnerskab.Outcome.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WeeklyStatusTimeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "status_import_runs",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    response = table.Column<byte[]>(type: "bytea", nullable: false),
                    completed_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_status_import_runs", x => new { x.partnership_id, x.idempotency_key });
                });

            migrationBuilder.CreateTable(
                name: "weekly_status_reports",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    citizen_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    week_start = table.Column<LocalDate>(type: "date", nullable: false),
                    source = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    paid_hours_hundredths = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_weekly_status_reports", x => new { x.partnership_id, x.citizen_id, x.week_start, x.source });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "status_import_runs");

            migrationBuilder.DropTable(
                name: "weekly_status_reports");
        }
    }
}
