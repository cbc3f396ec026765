using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Partnerskab.Payment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ClosedPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_ledger_day_totals",
                table: "ledger_day_totals");

            migrationBuilder.DropPrimaryKey(
                name: "pk_documented_day_totals",
                table: "documented_day_totals");

            migrationBuilder.AddColumn<bool>(
                name: "booked_after_closed_period",
                table: "ledger_items",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<LocalDate>(
                name: "booked_on",
                table: "ledger_items",
                type: "date",
                nullable: false,
                defaultValue: new NodaTime.LocalDate(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "correction_kind",
                table: "ledger_items",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "correction_known_at",
                table: "ledger_items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "correction_reference",
                table: "ledger_items",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "correction_reported_by",
                table: "ledger_items",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<LocalDate>(
                name: "booked_on",
                table: "ledger_day_totals",
                type: "date",
                nullable: false,
                defaultValue: new NodaTime.LocalDate(1, 1, 1));

            migrationBuilder.AddColumn<LocalDate>(
                name: "booked_on",
                table: "documented_day_totals",
                type: "date",
                nullable: false,
                defaultValue: new NodaTime.LocalDate(1, 1, 1));

            migrationBuilder.AddPrimaryKey(
                name: "pk_ledger_day_totals",
                table: "ledger_day_totals",
                columns: new[] { "partnership_id", "earned_on", "booked_on", "kind", "credited_kind" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_documented_day_totals",
                table: "documented_day_totals",
                columns: new[] { "partnership_id", "issue_date", "earned_on", "booked_on" });

            migrationBuilder.CreateTable(
                name: "closed_periods",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    start = table.Column<LocalDate>(type: "date", nullable: false),
                    end = table.Column<LocalDate>(type: "date", nullable: false),
                    closed_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    closed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reopened_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    reopened_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    reopen_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_closed_periods", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_closed_periods_partnership_id_kind_start",
                table: "closed_periods",
                columns: new[] { "partnership_id", "kind", "start" },
                unique: true,
                filter: "reopened_at IS NULL");

            migrationBuilder.Sql(MigrationSql.Read("20261206210842_ClosedPeriods.Up"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MigrationSql.Read("20261206210842_ClosedPeriods.Down"));

            migrationBuilder.DropTable(
                name: "closed_periods");

            migrationBuilder.DropPrimaryKey(
                name: "pk_ledger_day_totals",
                table: "ledger_day_totals");

            migrationBuilder.DropPrimaryKey(
                name: "pk_documented_day_totals",
                table: "documented_day_totals");

            migrationBuilder.DropColumn(
                name: "booked_after_closed_period",
                table: "ledger_items");

            migrationBuilder.DropColumn(
                name: "booked_on",
                table: "ledger_items");

            migrationBuilder.DropColumn(
                name: "correction_kind",
                table: "ledger_items");

            migrationBuilder.DropColumn(
                name: "correction_known_at",
                table: "ledger_items");

            migrationBuilder.DropColumn(
                name: "correction_reference",
                table: "ledger_items");

            migrationBuilder.DropColumn(
                name: "correction_reported_by",
                table: "ledger_items");

            migrationBuilder.DropColumn(
                name: "booked_on",
                table: "ledger_day_totals");

            migrationBuilder.DropColumn(
                name: "booked_on",
                table: "documented_day_totals");

            migrationBuilder.AddPrimaryKey(
                name: "pk_ledger_day_totals",
                table: "ledger_day_totals",
                columns: new[] { "partnership_id", "earned_on", "kind", "credited_kind" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_documented_day_totals",
                table: "documented_day_totals",
                columns: new[] { "partnership_id", "issue_date", "earned_on" });
        }
    }
}
