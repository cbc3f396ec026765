using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Partnerskab.Outcome.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpWindowVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Instant>(
                name: "window_recorded_at",
                table: "follow_up_citizens",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "superseded_follow_up_windows",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    citizen_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    superseded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    follow_up_start = table.Column<LocalDate>(type: "date", nullable: false),
                    follow_up_end = table.Column<LocalDate>(type: "date", nullable: false),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_superseded_follow_up_windows", x => new { x.partnership_id, x.citizen_id, x.superseded_at });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "superseded_follow_up_windows");

            migrationBuilder.DropColumn(
                name: "window_recorded_at",
                table: "follow_up_citizens");
        }
    }
}
