using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskab.Payment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LedgerDayTotalsCountCauses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "causes",
                table: "ledger_day_totals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // The day totals count, beside every item, the items that book a cause of their own: the
            // price booked later for an item earned unpriced ("priced:..."), and its credit, are the
            // same handover or milestone again. The trigger counts them from here on; the rows
            // already there are counted from the ledger.
            migrationBuilder.Sql(MigrationSql.Read("20261206113643_LedgerDayTotalsCountCauses.Up"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MigrationSql.Read("20261206113643_LedgerDayTotalsCountCauses.Down"));

            migrationBuilder.DropColumn(
                name: "causes",
                table: "ledger_day_totals");
        }
    }
}
