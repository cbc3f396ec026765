using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskab.Payment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class UnpricedItemsArePricedLater : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "unpriced",
                table: "ledger_items",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Items booked at 0 for want of a price before this column existed; the ledger is
            // append-only, so its guard steps aside for this one marking and no other change.
            migrationBuilder.Sql("""
                ALTER TABLE ledger_items DISABLE TRIGGER ledger_items_append_only;
                UPDATE ledger_items SET unpriced = true
                WHERE kind IN (1, 2, 3) AND original_amount_ore = 0
                  AND (pricing_note LIKE 'no rate card in force on %' OR pricing_note LIKE 'rate card v% has no price for %');
                ALTER TABLE ledger_items ENABLE TRIGGER ledger_items_append_only;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_unpriced",
                table: "ledger_items",
                column: "partnership_id",
                filter: "unpriced");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ledger_items_unpriced",
                table: "ledger_items");

            migrationBuilder.DropColumn(
                name: "unpriced",
                table: "ledger_items");
        }
    }
}
