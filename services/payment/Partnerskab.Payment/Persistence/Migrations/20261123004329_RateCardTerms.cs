using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskab.Payment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RateCardTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "cap_contract_ore",
                table: "rate_cards",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "cap_per_citizen_ore",
                table: "rate_cards",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "cap_per_year_ore",
                table: "rate_cards",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "invoicing_period",
                table: "rate_cards",
                type: "integer",
                nullable: false,
                defaultValue: 1); // versions added before these terms existed: monthly

            migrationBuilder.AddColumn<string>(
                name: "payee_account_number",
                table: "rate_cards",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payee_bank_registration_number",
                table: "rate_cards",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "payment_terms_days",
                table: "rate_cards",
                type: "integer",
                nullable: false,
                defaultValue: 30); // versions added before these terms existed: 30 days

            migrationBuilder.AddColumn<int>(
                name: "vat_rate_basis_points",
                table: "rate_cards",
                type: "integer",
                nullable: false,
                defaultValue: 2500); // versions added before these terms existed: 25 %

            migrationBuilder.CreateTable(
                name: "rate_card_budgets",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    rate_card_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_ore = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rate_card_budgets", x => new { x.rate_card_id, x.year });
                    table.ForeignKey(
                        name: "fk_rate_card_budgets_rate_cards_rate_card_id",
                        column: x => x.rate_card_id,
                        principalTable: "rate_cards",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rate_card_deliverable_fees",
                columns: table => new
                {
                    deliverable_kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    rate_card_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_ore_per_unit = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rate_card_deliverable_fees", x => new { x.rate_card_id, x.deliverable_kind });
                    table.ForeignKey(
                        name: "fk_rate_card_deliverable_fees_rate_cards_rate_card_id",
                        column: x => x.rate_card_id,
                        principalTable: "rate_cards",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rate_card_periodic_fees",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    rate_card_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_ore = table.Column<long>(type: "bigint", nullable: false),
                    interval = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rate_card_periodic_fees", x => new { x.rate_card_id, x.code });
                    table.ForeignKey(
                        name: "fk_rate_card_periodic_fees_rate_cards_rate_card_id",
                        column: x => x.rate_card_id,
                        principalTable: "rate_cards",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rate_card_budgets");

            migrationBuilder.DropTable(
                name: "rate_card_deliverable_fees");

            migrationBuilder.DropTable(
                name: "rate_card_periodic_fees");

            migrationBuilder.DropColumn(
                name: "cap_contract_ore",
                table: "rate_cards");

            migrationBuilder.DropColumn(
                name: "cap_per_citizen_ore",
                table: "rate_cards");

            migrationBuilder.DropColumn(
                name: "cap_per_year_ore",
                table: "rate_cards");

            migrationBuilder.DropColumn(
                name: "invoicing_period",
                table: "rate_cards");

            migrationBuilder.DropColumn(
                name: "payee_account_number",
                table: "rate_cards");

            migrationBuilder.DropColumn(
                name: "payee_bank_registration_number",
                table: "rate_cards");

            migrationBuilder.DropColumn(
                name: "payment_terms_days",
                table: "rate_cards");

            migrationBuilder.DropColumn(
                name: "vat_rate_basis_points",
                table: "rate_cards");
        }
    }
}
