using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskab.Payment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LedgerPageOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ledger_items_partnership_id_earned_on",
                table: "ledger_items");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_partnership_id_earned_on_id",
                table: "ledger_items",
                columns: new[] { "partnership_id", "earned_on", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ledger_items_partnership_id_earned_on_id",
                table: "ledger_items");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_partnership_id_earned_on",
                table: "ledger_items",
                columns: new[] { "partnership_id", "earned_on" });
        }
    }
}
