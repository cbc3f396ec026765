using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskab.Payment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LedgerCitizenIndexCoversSums : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ledger_items_partnership_id_citizen_id",
                table: "ledger_items");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_partnership_id_citizen_id",
                table: "ledger_items",
                columns: new[] { "partnership_id", "citizen_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "earned_on", "amount_ore" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ledger_items_partnership_id_citizen_id",
                table: "ledger_items");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_partnership_id_citizen_id",
                table: "ledger_items",
                columns: new[] { "partnership_id", "citizen_id" });
        }
    }
}
