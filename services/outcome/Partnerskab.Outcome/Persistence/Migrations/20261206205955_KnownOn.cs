using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Partnerskab.Outcome.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class KnownOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "cause_kind",
                table: "milestones",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cause_reference",
                table: "milestones",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cause_reported_by",
                table: "milestones",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<LocalDate>(
                name: "effective_on",
                table: "milestones",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "exit_recorded_at",
                table: "follow_up_citizens",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "recorded_at",
                table: "follow_up_citizens",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "superseded_status_reports",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    citizen_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    week_start = table.Column<LocalDate>(type: "date", nullable: false),
                    source = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    superseded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    paid_hours_hundredths = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_superseded_status_reports", x => new { x.partnership_id, x.citizen_id, x.week_start, x.source, x.recorded_at });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "superseded_status_reports");

            migrationBuilder.DropColumn(
                name: "cause_kind",
                table: "milestones");

            migrationBuilder.DropColumn(
                name: "cause_reference",
                table: "milestones");

            migrationBuilder.DropColumn(
                name: "cause_reported_by",
                table: "milestones");

            migrationBuilder.DropColumn(
                name: "effective_on",
                table: "milestones");

            migrationBuilder.DropColumn(
                name: "exit_recorded_at",
                table: "follow_up_citizens");

            migrationBuilder.DropColumn(
                name: "recorded_at",
                table: "follow_up_citizens");
        }
    }
}
