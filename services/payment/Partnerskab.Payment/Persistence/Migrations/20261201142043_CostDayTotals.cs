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
            migrationBuilder.Sql("""
                CREATE FUNCTION add_to_ledger_day_totals() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO ledger_day_totals (partnership_id, earned_on, kind, credited_kind, amount_ore, items)
                    SELECT added.partnership_id, added.earned_on, added.kind, coalesce(credited.kind, added.kind), sum(added.amount_ore), count(*)
                    FROM added LEFT JOIN ledger_items credited ON credited.id = added.credits_item_id
                    GROUP BY 1, 2, 3, 4
                    ON CONFLICT (partnership_id, earned_on, kind, credited_kind) DO UPDATE
                        SET amount_ore = ledger_day_totals.amount_ore + excluded.amount_ore, items = ledger_day_totals.items + excluded.items;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER ledger_items_sum_per_day AFTER INSERT ON ledger_items
                    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION add_to_ledger_day_totals();

                CREATE FUNCTION add_to_documented_day_totals() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO documented_day_totals (partnership_id, issue_date, earned_on, amount_ore)
                    SELECT document.partnership_id, document.issue_date, item.earned_on, sum(item.amount_ore)
                    FROM added JOIN invoices document ON document.id = added.invoice_id
                    JOIN ledger_items item ON item.id = added.ledger_item_id AND item.partnership_id = document.partnership_id
                    GROUP BY 1, 2, 3
                    ON CONFLICT (partnership_id, issue_date, earned_on) DO UPDATE
                        SET amount_ore = documented_day_totals.amount_ore + excluded.amount_ore;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER invoice_lines_sum_per_day AFTER INSERT ON invoice_lines
                    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION add_to_documented_day_totals();

                INSERT INTO ledger_day_totals (partnership_id, earned_on, kind, credited_kind, amount_ore, items)
                SELECT item.partnership_id, item.earned_on, item.kind, coalesce(credited.kind, item.kind), sum(item.amount_ore), count(*)
                FROM ledger_items item LEFT JOIN ledger_items credited ON credited.id = item.credits_item_id
                GROUP BY 1, 2, 3, 4;
                INSERT INTO documented_day_totals (partnership_id, issue_date, earned_on, amount_ore)
                SELECT document.partnership_id, document.issue_date, item.earned_on, sum(item.amount_ore)
                FROM invoice_lines line JOIN invoices document ON document.id = line.invoice_id
                JOIN ledger_items item ON item.id = line.ledger_item_id AND item.partnership_id = document.partnership_id
                GROUP BY 1, 2, 3;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER invoice_lines_sum_per_day ON invoice_lines;
                DROP FUNCTION add_to_documented_day_totals();
                DROP TRIGGER ledger_items_sum_per_day ON ledger_items;
                DROP FUNCTION add_to_ledger_day_totals();
                """);

            migrationBuilder.DropTable(
                name: "documented_day_totals");

            migrationBuilder.DropTable(
                name: "ledger_day_totals");
        }
    }
}
