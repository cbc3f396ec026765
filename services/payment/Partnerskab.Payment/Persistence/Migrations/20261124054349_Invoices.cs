using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Partnerskab.Payment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Invoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "invoice_number_series",
                columns: table => new
                {
                    issuer_cvr = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    last_number = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoice_number_series", x => x.issuer_cvr);
                });

            migrationBuilder.CreateTable(
                name: "invoice_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_start = table.Column<LocalDate>(type: "date", nullable: false),
                    period_end = table.Column<LocalDate>(type: "date", nullable: false),
                    issue_date = table.Column<LocalDate>(type: "date", nullable: false),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoice_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "invoices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<long>(type: "bigint", nullable: false),
                    issuer_cvr = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    period_start = table.Column<LocalDate>(type: "date", nullable: false),
                    period_end = table.Column<LocalDate>(type: "date", nullable: false),
                    issue_date = table.Column<LocalDate>(type: "date", nullable: false),
                    due_date = table.Column<LocalDate>(type: "date", nullable: false),
                    credited_invoice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    credited_invoice_number = table.Column<long>(type: "bigint", nullable: true),
                    credited_invoice_issue_date = table.Column<LocalDate>(type: "date", nullable: true),
                    seller_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    buyer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    buyer_cvr = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    buyer_ean = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    buyer_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    payee_bank_registration_number = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    payee_account_number = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    vat_rate_basis_points = table.Column<int>(type: "integer", nullable: false),
                    payment_terms_days = table.Column<int>(type: "integer", nullable: false),
                    net_amount_ore = table.Column<long>(type: "bigint", nullable: false),
                    vat_amount_ore = table.Column<long>(type: "bigint", nullable: false),
                    total_amount_ore = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoices", x => x.id);
                    table.ForeignKey(
                        name: "fk_invoices_invoice_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "invoice_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invoices_invoices_credited_invoice_id",
                        column: x => x.credited_invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "invoice_lines",
                columns: table => new
                {
                    line_number = table.Column<int>(type: "integer", nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ledger_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    citizen_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    earned_on = table.Column<LocalDate>(type: "date", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    unit_price_ore = table.Column<long>(type: "bigint", nullable: false),
                    allowance_ore = table.Column<long>(type: "bigint", nullable: false),
                    allowance_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    net_amount_ore = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoice_lines", x => new { x.invoice_id, x.line_number });
                    table.ForeignKey(
                        name: "fk_invoice_lines_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_invoice_lines_ledger_items_ledger_item_id",
                        column: x => x.ledger_item_id,
                        principalTable: "ledger_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_invoice_lines_ledger_item_id",
                table: "invoice_lines",
                column: "ledger_item_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invoice_runs_partnership_id_period_start",
                table: "invoice_runs",
                columns: new[] { "partnership_id", "period_start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invoices_credited_invoice_id",
                table: "invoices",
                column: "credited_invoice_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_issuer_cvr_number",
                table: "invoices",
                columns: new[] { "issuer_cvr", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invoices_partnership_id_issue_date",
                table: "invoices",
                columns: new[] { "partnership_id", "issue_date" });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_run_id",
                table: "invoices",
                column: "run_id");

            // Issued invoices and credit notes never change: the database refuses it, whoever asks.
            migrationBuilder.Sql(MigrationSql.Read("20261124054349_Invoices.Up"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MigrationSql.Read("20261124054349_Invoices.Down"));

            migrationBuilder.DropTable(
                name: "invoice_lines");

            migrationBuilder.DropTable(
                name: "invoice_number_series");

            migrationBuilder.DropTable(
                name: "invoices");

            migrationBuilder.DropTable(
                name: "invoice_runs");
        }
    }
}
