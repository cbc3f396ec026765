using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Partnerskab.ServiceDefaults.Audit;

#nullable disable

namespace Partnerskab.Cohort.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "advisor_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    citizen_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    advisor_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    assigned_on = table.Column<LocalDate>(type: "date", nullable: false),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_advisor_assignments", x => x.id);
                });

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
                name: "import_runs",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    response = table.Column<byte[]>(type: "bytea", nullable: false),
                    completed_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_runs", x => new { x.partnership_id, x.idempotency_key });
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    terms_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    terms_kommune_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    terms_kommune_cvr = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    terms_kommune_ean = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    terms_provider_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    terms_provider_cvr = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    terms_provider_ean = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    terms_investor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    terms_investor_cvr = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    terms_investor_ean = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    terms_contract_start = table.Column<LocalDate>(type: "date", nullable: false),
                    terms_contract_end = table.Column<LocalDate>(type: "date", nullable: false),
                    terms_cohort_capacity = table.Column<int>(type: "integer", nullable: false),
                    terms_follow_up_months = table.Column<int>(type: "integer", nullable: false),
                    terms_handover_window_start = table.Column<LocalDate>(type: "date", nullable: false),
                    terms_handover_window_end = table.Column<LocalDate>(type: "date", nullable: false),
                    terms_eligibility_min_weeks_sick_listed = table.Column<int>(type: "integer", nullable: false),
                    terms_eligibility_allowed_benefit_types = table.Column<int[]>(type: "integer[]", nullable: false),
                    registered_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partnerships", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "citizens",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    citizen_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    handover_date = table.Column<LocalDate>(type: "date", nullable: false),
                    follow_up_end = table.Column<LocalDate>(type: "date", nullable: false),
                    benefit_type = table.Column<int>(type: "integer", nullable: false),
                    weeks_sick_listed = table.Column<int>(type: "integer", nullable: false),
                    case_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    handed_over_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    advisor_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    exit_date = table.Column<LocalDate>(type: "date", nullable: true),
                    exit_reason = table.Column<int>(type: "integer", nullable: true),
                    erased_on = table.Column<LocalDate>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citizens", x => new { x.partnership_id, x.citizen_id });
                    table.ForeignKey(
                        name: "fk_citizens_partnerships_partnership_id",
                        column: x => x.partnership_id,
                        principalTable: "partnerships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partnership_versions",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    terms_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    terms_kommune_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    terms_kommune_cvr = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    terms_kommune_ean = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    terms_provider_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    terms_provider_cvr = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    terms_provider_ean = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    terms_investor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    terms_investor_cvr = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    terms_investor_ean = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    terms_contract_start = table.Column<LocalDate>(type: "date", nullable: false),
                    terms_contract_end = table.Column<LocalDate>(type: "date", nullable: false),
                    terms_cohort_capacity = table.Column<int>(type: "integer", nullable: false),
                    terms_follow_up_months = table.Column<int>(type: "integer", nullable: false),
                    terms_handover_window_start = table.Column<LocalDate>(type: "date", nullable: false),
                    terms_handover_window_end = table.Column<LocalDate>(type: "date", nullable: false),
                    terms_eligibility_min_weeks_sick_listed = table.Column<int>(type: "integer", nullable: false),
                    terms_eligibility_allowed_benefit_types = table.Column<int[]>(type: "integer[]", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partnership_versions", x => new { x.partnership_id, x.version });
                    table.ForeignKey(
                        name: "fk_partnership_versions_partnerships_partnership_id",
                        column: x => x.partnership_id,
                        principalTable: "partnerships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_advisor_assignments_partnership_id_citizen_id",
                table: "advisor_assignments",
                columns: new[] { "partnership_id", "citizen_id" });

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
                name: "ix_citizens_partnership_id_case_reference",
                table: "citizens",
                columns: new[] { "partnership_id", "case_reference" },
                unique: true,
                filter: "case_reference <> ''");

            migrationBuilder.CreateIndex(
                name: "ix_citizens_partnership_id_handover_date_citizen_id",
                table: "citizens",
                columns: new[] { "partnership_id", "handover_date", "citizen_id" });

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
                name: "ix_partnerships_reference",
                table: "partnerships",
                column: "reference",
                unique: true);

            // The audit log is append-only: the database refuses to change or delete an entry.
            migrationBuilder.Sql(AuditModel.CreateAppendOnlyTrigger);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditModel.DropAppendOnlyTrigger);

            migrationBuilder.DropTable(
                name: "advisor_assignments");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "citizens");

            migrationBuilder.DropTable(
                name: "import_runs");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "partnership_versions");

            migrationBuilder.DropTable(
                name: "partnerships");
        }
    }
}
