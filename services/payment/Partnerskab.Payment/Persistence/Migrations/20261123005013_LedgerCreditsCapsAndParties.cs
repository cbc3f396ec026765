using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Partnerskab.Payment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LedgerCreditsCapsAndParties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "milestone_code",
                table: "ledger_items",
                newName: "code");

            migrationBuilder.AlterColumn<string>(
                name: "pricing_note",
                table: "ledger_items",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300);

            migrationBuilder.AlterColumn<string>(
                name: "citizen_id",
                table: "ledger_items",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<Guid>(
                name: "cause_message_id",
                table: "ledger_items",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AlterColumn<string>(
                name: "cause_key",
                table: "ledger_items",
                type: "character varying(250)",
                maxLength: 250,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<int>(
                name: "capped_by",
                table: "ledger_items",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "credits_item_id",
                table: "ledger_items",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "original_amount_ore",
                table: "ledger_items",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "quantity",
                table: "ledger_items",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "unit_price_ore",
                table: "ledger_items",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Items booked before caps and quantities existed were one unit, never capped.
            migrationBuilder.Sql("UPDATE ledger_items SET quantity = 1, unit_price_ore = amount_ore, original_amount_ore = amount_ore;");

            migrationBuilder.CreateTable(
                name: "partnerships",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kommune_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kommune_cvr = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    kommune_ean = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    provider_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    provider_cvr = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    contract_start = table.Column<LocalDate>(type: "date", nullable: false),
                    contract_end = table.Column<LocalDate>(type: "date", nullable: false),
                    updated_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partnerships", x => x.partnership_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_partnership_id_citizen_id",
                table: "ledger_items",
                columns: new[] { "partnership_id", "citizen_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "partnerships");

            migrationBuilder.DropIndex(
                name: "ix_ledger_items_partnership_id_citizen_id",
                table: "ledger_items");

            migrationBuilder.DropColumn(
                name: "capped_by",
                table: "ledger_items");

            migrationBuilder.DropColumn(
                name: "credits_item_id",
                table: "ledger_items");

            migrationBuilder.DropColumn(
                name: "original_amount_ore",
                table: "ledger_items");

            migrationBuilder.DropColumn(
                name: "quantity",
                table: "ledger_items");

            migrationBuilder.DropColumn(
                name: "unit_price_ore",
                table: "ledger_items");

            migrationBuilder.RenameColumn(
                name: "code",
                table: "ledger_items",
                newName: "milestone_code");

            migrationBuilder.AlterColumn<string>(
                name: "pricing_note",
                table: "ledger_items",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);

            migrationBuilder.AlterColumn<string>(
                name: "citizen_id",
                table: "ledger_items",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "cause_message_id",
                table: "ledger_items",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "cause_key",
                table: "ledger_items",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(250)",
                oldMaxLength: 250);
        }
    }
}
