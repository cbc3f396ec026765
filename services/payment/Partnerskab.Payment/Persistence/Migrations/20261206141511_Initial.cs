using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Partnerskab.ServiceDefaults.Audit;

#nullable disable

namespace Partnerskab.Payment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    roles = table.Column<List<string>>(type: "text[]", nullable: false),
                    organisation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    rpc = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: true),
                    citizen_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    citizen_records = table.Column<int>(type: "integer", nullable: false),
                    status_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bank_payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    issuer_cvr = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    bank_line_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    amount_ore = table.Column<long>(type: "bigint", nullable: false),
                    booked_on = table.Column<LocalDate>(type: "date", nullable: false),
                    reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bank_payments", x => x.id);
                });

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
                name: "inbox_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    received_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.consumer });
                });

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
                name: "ledger_day_totals",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    earned_on = table.Column<LocalDate>(type: "date", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    credited_kind = table.Column<int>(type: "integer", nullable: false),
                    amount_ore = table.Column<long>(type: "bigint", nullable: false),
                    items = table.Column<int>(type: "integer", nullable: false),
                    causes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_day_totals", x => new { x.partnership_id, x.earned_on, x.kind, x.credited_kind });
                });

            migrationBuilder.CreateTable(
                name: "ledger_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    citizen_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    unit_price_ore = table.Column<long>(type: "bigint", nullable: false),
                    original_amount_ore = table.Column<long>(type: "bigint", nullable: false),
                    amount_ore = table.Column<long>(type: "bigint", nullable: false),
                    capped_by = table.Column<int>(type: "integer", nullable: false),
                    credits_item_id = table.Column<Guid>(type: "uuid", nullable: true),
                    cause_key = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    cause_message_id = table.Column<Guid>(type: "uuid", nullable: true),
                    earned_on = table.Column<LocalDate>(type: "date", nullable: false),
                    rate_card_version = table.Column<int>(type: "integer", nullable: true),
                    unpriced = table.Column<bool>(type: "boolean", nullable: false),
                    pricing_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_items", x => x.id);
                });

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

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "jsonb", nullable: false),
                    trace_parent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    sent_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.sequence);
                });

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

            migrationBuilder.CreateTable(
                name: "rate_cards",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    effective_from = table.Column<LocalDate>(type: "date", nullable: false),
                    handover_fee_ore = table.Column<long>(type: "bigint", nullable: false),
                    cap_per_citizen_ore = table.Column<long>(type: "bigint", nullable: true),
                    cap_per_year_ore = table.Column<long>(type: "bigint", nullable: true),
                    cap_contract_ore = table.Column<long>(type: "bigint", nullable: true),
                    vat_rate_basis_points = table.Column<int>(type: "integer", nullable: false),
                    invoicing_period = table.Column<int>(type: "integer", nullable: false),
                    payment_terms_days = table.Column<int>(type: "integer", nullable: false),
                    payee_bank_registration_number = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    payee_account_number = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rate_cards", x => x.id);
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
                name: "rate_card_milestone_prices",
                columns: table => new
                {
                    milestone_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    rate_card_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_ore = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rate_card_milestone_prices", x => new { x.rate_card_id, x.milestone_code });
                    table.ForeignKey(
                        name: "fk_rate_card_milestone_prices_rate_cards_rate_card_id",
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
                name: "ix_audit_entries_partnership_id_recorded_at",
                table: "audit_entries",
                columns: new[] { "partnership_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_recorded_at",
                table: "audit_entries",
                column: "recorded_at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_subject_recorded_at",
                table: "audit_entries",
                columns: new[] { "subject", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_bank_payments_issuer_cvr_bank_line_id",
                table: "bank_payments",
                columns: new[] { "issuer_cvr", "bank_line_id" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_cause_key",
                table: "ledger_items",
                column: "cause_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_partnership_id_citizen_id",
                table: "ledger_items",
                columns: new[] { "partnership_id", "citizen_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "earned_on", "amount_ore" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_partnership_id_earned_on",
                table: "ledger_items",
                columns: new[] { "partnership_id", "earned_on" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_items_unpriced",
                table: "ledger_items",
                column: "partnership_id",
                filter: "unpriced");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_message_id",
                table: "outbox_messages",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_sequence",
                table: "outbox_messages",
                column: "sequence",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_rate_cards_partnership_id_effective_from",
                table: "rate_cards",
                columns: new[] { "partnership_id", "effective_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rate_cards_partnership_id_version",
                table: "rate_cards",
                columns: new[] { "partnership_id", "version" },
                unique: true);

            // The audit log is append-only; the ledger's guards and totals: see Persistence/Sql.
            migrationBuilder.Sql(AuditModel.CreateAppendOnlyTrigger);
            migrationBuilder.Sql(MigrationSql.Read("20261206141511_Initial.Up"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MigrationSql.Read("20261206141511_Initial.Down"));
            migrationBuilder.Sql(AuditModel.DropAppendOnlyTrigger);

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "bank_payments");

            migrationBuilder.DropTable(
                name: "documented_day_totals");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "invoice_lines");

            migrationBuilder.DropTable(
                name: "invoice_number_series");

            migrationBuilder.DropTable(
                name: "ledger_day_totals");

            migrationBuilder.DropTable(
                name: "ledger_year_totals");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "partnerships");

            migrationBuilder.DropTable(
                name: "rate_card_budgets");

            migrationBuilder.DropTable(
                name: "rate_card_deliverable_fees");

            migrationBuilder.DropTable(
                name: "rate_card_milestone_prices");

            migrationBuilder.DropTable(
                name: "rate_card_periodic_fees");

            migrationBuilder.DropTable(
                name: "invoices");

            migrationBuilder.DropTable(
                name: "ledger_items");

            migrationBuilder.DropTable(
                name: "rate_cards");

            migrationBuilder.DropTable(
                name: "invoice_runs");
        }
    }
}
