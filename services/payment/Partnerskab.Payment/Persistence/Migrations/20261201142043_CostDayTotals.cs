using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Partnerskab.Payment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CostDayTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "documented_day_totals",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    issue_date = table.Column<LocalDate>(type: "date", nullable: false),
                    earned_on = table.Column<LocalDate>(type: "date", nullable: false),
                    amount_ore = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documented_day_totals", x => new { x.partnership_id, x.issue_date, x.earned_on });
                });

            migrationBuilder.CreateTable(
                name: "ledger_day_totals",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    earned_on = table.Column<LocalDate>(type: "date", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    credited_kind = table.Column<int>(type: "integer", nullable: false),
                    amount_ore = table.Column<long>(type: "bigint", nullable: false),
                    items = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_day_totals", x => new { x.partnership_id, x.earned_on, x.kind, x.credited_kind });
                });

            // As the year totals (20261201112953_LedgerYearTotals), these follow every insert, once per
            // statement, and start from what is there; ledger items and document lines never change, so
            // nothing else can make a total wrong. Triggers on one event fire in name order: the day
            // totals come after the year totals, so whoever holds a day's row holds its year's row
            // already, and the day rows add no lock waits (nor deadlocks) of their own.
            migrationBuilder.Sql(MigrationSql.Read("20261201142043_CostDayTotals.Up"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MigrationSql.Read("20261201142043_CostDayTotals.Down"));

            migrationBuilder.DropTable(
                name: "documented_day_totals");

            migrationBuilder.DropTable(
                name: "ledger_day_totals");
        }
    }
}
