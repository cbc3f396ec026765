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
            migrationBuilder.Sql("""
                CREATE FUNCTION add_to_ledger_year_totals() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO ledger_year_totals (partnership_id, year, amount_ore)
                    SELECT partnership_id, extract(year FROM earned_on)::int, sum(amount_ore) FROM added GROUP BY 1, 2
                    ON CONFLICT (partnership_id, year) DO UPDATE SET amount_ore = ledger_year_totals.amount_ore + excluded.amount_ore;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER ledger_items_add_to_year_totals AFTER INSERT ON ledger_items
                    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION add_to_ledger_year_totals();

                CREATE FUNCTION refuse_change_of_ledger_item() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'ledger items are never changed or deleted; a credit takes one back (% on %)', TG_OP, TG_TABLE_NAME
                        USING ERRCODE = 'restrict_violation';
                END $$;
                CREATE TRIGGER ledger_items_append_only BEFORE UPDATE OR DELETE ON ledger_items
                    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_ledger_item();
                CREATE TRIGGER ledger_items_never_truncated BEFORE TRUNCATE ON ledger_items
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_ledger_item();

                INSERT INTO ledger_year_totals (partnership_id, year, amount_ore)
                SELECT partnership_id, extract(year FROM earned_on)::int, sum(amount_ore) FROM ledger_items GROUP BY 1, 2;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER ledger_items_never_truncated ON ledger_items;
                DROP TRIGGER ledger_items_append_only ON ledger_items;
                DROP FUNCTION refuse_change_of_ledger_item();
                DROP TRIGGER ledger_items_add_to_year_totals ON ledger_items;
                DROP FUNCTION add_to_ledger_year_totals();
                """);

            migrationBuilder.DropTable(
                name: "ledger_year_totals");
        }
    }
}
