using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskab.Payment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PayerItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ledger_items_cause_key",
                table: "ledger_items");

            migrationBuilder.DropPrimaryKey(
                name: "pk_ledger_day_totals",
                table: "ledger_day_totals");

            migrationBuilder.DropPrimaryKey(
                name: "pk_documented_day_totals",
                table: "documented_day_totals");

            migrationBuilder.AddColumn<long>(
                name: "cap_ore",
                table: "rate_card_payers",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "lead",
                table: "ledger_items",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "payer_id",
                table: "ledger_items",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "payer_id",
                table: "ledger_day_totals",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "payer_id",
                table: "invoices",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "payer_id",
                table: "documented_day_totals",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "pk_ledger_day_totals",
                table: "ledger_day_totals",
                columns: new[] { "partnership_id", "earned_on", "booked_on", "kind", "credited_kind", "payer_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_documented_day_totals",
                table: "documented_day_totals",
                columns: new[] { "partnership_id", "issue_date", "earned_on", "booked_on", "payer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_cause_key_payer_id",
                table: "ledger_items",
                columns: new[] { "cause_key", "payer_id" },
                unique: true);

            migrationBuilder.Sql(MigrationSql.Read("20261207032030_PayerItems.Up"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MigrationSql.Read("20261207032030_PayerItems.Down"));
            migrationBuilder.DropIndex(
                name: "ix_ledger_items_cause_key_payer_id",
                table: "ledger_items");

            migrationBuilder.DropPrimaryKey(
                name: "pk_ledger_day_totals",
                table: "ledger_day_totals");

            migrationBuilder.DropPrimaryKey(
                name: "pk_documented_day_totals",
                table: "documented_day_totals");

            migrationBuilder.DropColumn(
                name: "cap_ore",
                table: "rate_card_payers");

            migrationBuilder.DropColumn(
                name: "lead",
                table: "ledger_items");

            migrationBuilder.DropColumn(
                name: "payer_id",
                table: "ledger_items");

            migrationBuilder.DropColumn(
                name: "payer_id",
                table: "ledger_day_totals");

            migrationBuilder.DropColumn(
                name: "payer_id",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "payer_id",
                table: "documented_day_totals");

            migrationBuilder.AddPrimaryKey(
                name: "pk_ledger_day_totals",
                table: "ledger_day_totals",
                columns: new[] { "partnership_id", "earned_on", "booked_on", "kind", "credited_kind" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_documented_day_totals",
                table: "documented_day_totals",
                columns: new[] { "partnership_id", "issue_date", "earned_on", "booked_on" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_cause_key",
                table: "ledger_items",
                column: "cause_key",
                unique: true);
        }
    }
}
