using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Partnerskab.Outcome.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class KeptReads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "counted_citizens",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    citizen_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    follow_up_start = table.Column<LocalDate>(type: "date", nullable: false),
                    follow_up_end = table.Column<LocalDate>(type: "date", nullable: false),
                    exit_date = table.Column<LocalDate>(type: "date", nullable: true),
                    wrongly_enrolled = table.Column<bool>(type: "boolean", nullable: false),
                    decided_week_statuses = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_counted_citizens", x => new { x.partnership_id, x.citizen_id });
                });

            migrationBuilder.CreateTable(
                name: "final_status_counts",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<LocalDate>(type: "date", nullable: false),
                    status = table.Column<short>(type: "smallint", nullable: false),
                    citizens = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_final_status_counts", x => new { x.partnership_id, x.day, x.status });
                });

            migrationBuilder.CreateTable(
                name: "follow_up_day_counts",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<LocalDate>(type: "date", nullable: false),
                    started = table.Column<int>(type: "integer", nullable: false),
                    completed = table.Column<int>(type: "integer", nullable: false),
                    exited = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_up_day_counts", x => new { x.partnership_id, x.day });
                });

            migrationBuilder.CreateTable(
                name: "kept_rebuilds",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kept_rebuilds", x => x.partnership_id);
                });

            migrationBuilder.CreateTable(
                name: "status_at_month_counts",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    months = table.Column<int>(type: "integer", nullable: false),
                    day = table.Column<LocalDate>(type: "date", nullable: false),
                    status = table.Column<short>(type: "smallint", nullable: false),
                    citizens = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_status_at_month_counts", x => new { x.partnership_id, x.months, x.day, x.status });
                });

            migrationBuilder.CreateTable(
                name: "status_week_counts",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    week_start = table.Column<LocalDate>(type: "date", nullable: false),
                    status = table.Column<short>(type: "smallint", nullable: false),
                    from_day = table.Column<LocalDate>(type: "date", nullable: false),
                    until_day = table.Column<LocalDate>(type: "date", nullable: false),
                    citizens = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_status_week_counts", x => new { x.partnership_id, x.week_start, x.status, x.from_day, x.until_day });
                });

            migrationBuilder.CreateTable(
                name: "worklist_citizens",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    citizen_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    start = table.Column<LocalDate>(type: "date", nullable: false),
                    obligations_end = table.Column<LocalDate>(type: "date", nullable: false),
                    last_contact_on = table.Column<LocalDate>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_worklist_citizens", x => new { x.partnership_id, x.citizen_id });
                });

            migrationBuilder.CreateTable(
                name: "worklist_items",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_on = table.Column<LocalDate>(type: "date", nullable: false),
                    citizen_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    months = table.Column<int>(type: "integer", nullable: false),
                    until = table.Column<LocalDate>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_worklist_items", x => new { x.partnership_id, x.due_on, x.citizen_id, x.kind, x.months });
                });

            migrationBuilder.CreateTable(
                name: "worklist_sweeps",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    swept_through = table.Column<LocalDate>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_worklist_sweeps", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_partnership_id_contact_date",
                table: "contacts",
                columns: new[] { "partnership_id", "contact_date" });

            migrationBuilder.CreateIndex(
                name: "ix_worklist_items_partnership_id_citizen_id_kind",
                table: "worklist_items",
                columns: new[] { "partnership_id", "citizen_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_worklist_items_until",
                table: "worklist_items",
                column: "until",
                filter: "until IS NOT NULL");

            // The kept worklists and counts of existing partnerships are built from their facts by the service
            // (KeptReadsUpkeep, with the code that keeps them); until then their reads are computed from the facts.
            migrationBuilder.Sql("INSERT INTO kept_rebuilds (partnership_id, requested_at) SELECT DISTINCT partnership_id, now() FROM follow_up_citizens;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "counted_citizens");

            migrationBuilder.DropTable(
                name: "final_status_counts");

            migrationBuilder.DropTable(
                name: "follow_up_day_counts");

            migrationBuilder.DropTable(
                name: "kept_rebuilds");

            migrationBuilder.DropTable(
                name: "status_at_month_counts");

            migrationBuilder.DropTable(
                name: "status_week_counts");

            migrationBuilder.DropTable(
                name: "worklist_citizens");

            migrationBuilder.DropTable(
                name: "worklist_items");

            migrationBuilder.DropTable(
                name: "worklist_sweeps");

            migrationBuilder.DropIndex(
                name: "ix_contacts_partnership_id_contact_date",
                table: "contacts");
        }
    }
}
