using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskab.Payment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LedgerYearTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ledger_year_totals",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    amount_ore = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_year_totals", x => new { x.partnership_id, x.year });
                });

            // The totals follow every insert into the ledger, once per statement (an EF save or a
            // COPY), and start from what the ledger holds. The ledger is append-only from here on
            // (credits take items back), so nothing else can make a total wrong.
            migrationBuilder.Sql(MigrationSql.Read("20261201112953_LedgerYearTotals.Up"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MigrationSql.Read("20261201112953_LedgerYearTotals.Down"));

            migrationBuilder.DropTable(
                name: "ledger_year_totals");
        }
    }
}
