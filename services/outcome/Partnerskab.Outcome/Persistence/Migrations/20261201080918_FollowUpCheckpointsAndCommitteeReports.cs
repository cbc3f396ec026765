using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Partnerskab.Outcome.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpCheckpointsAndCommitteeReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    citizen_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    contact_date = table.Column<LocalDate>(type: "date", nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "follow_up_plans",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_interval_weeks = table.Column<int>(type: "integer", nullable: false),
                    status_checkpoint_months = table.Column<List<int>>(type: "integer[]", nullable: false),
                    no_contact_days = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_up_plans", x => x.partnership_id);
                });

            migrationBuilder.CreateTable(
                name: "kpi_targets",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    measure = table.Column<int>(type: "integer", nullable: false),
                    outcome_kind = table.Column<int>(type: "integer", nullable: true),
                    milestone_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    target = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kpi_targets", x => new { x.partnership_id, x.code });
                });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_partnership_id_citizen_id",
                table: "contacts",
                columns: new[] { "partnership_id", "citizen_id" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_partnership_id_reference",
                table: "contacts",
                columns: new[] { "partnership_id", "reference" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropTable(
                name: "follow_up_plans");

            migrationBuilder.DropTable(
                name: "kpi_targets");
        }
    }
}
