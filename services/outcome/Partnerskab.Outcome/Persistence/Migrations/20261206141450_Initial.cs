using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Partnerskab.ServiceDefaults.Audit;

#nullable disable

namespace Partnerskab.Outcome.Persistence.Migrations
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
                name: "claim_history",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<int>(type: "integer", nullable: false),
                    by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    outcome_date = table.Column<LocalDate>(type: "date", nullable: false),
                    hours_per_week_hundredths = table.Column<int>(type: "integer", nullable: false),
                    employer_cvr = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    evidence_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claim_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "claims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    citizen_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    claim_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    outcome_date = table.Column<LocalDate>(type: "date", nullable: false),
                    hours_per_week_hundredths = table.Column<int>(type: "integer", nullable: false),
                    employer_cvr = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    evidence_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    claimed_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decision_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_claims", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    citizen_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    contact_date = table.Column<LocalDate>(type: "date", nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "deliverables",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    completed_on = table.Column<LocalDate>(type: "date", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    evidence_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reported_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deliverables", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "follow_up_citizens",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    citizen_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    follow_up_start = table.Column<LocalDate>(type: "date", nullable: false),
                    follow_up_end = table.Column<LocalDate>(type: "date", nullable: false),
                    exit_date = table.Column<LocalDate>(type: "date", nullable: true),
                    exit_reason = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    erased_on = table.Column<LocalDate>(type: "date", nullable: true),
                    decided_week_statuses = table.Column<byte[]>(type: "bytea", nullable: false, defaultValueSql: "''::bytea")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_up_citizens", x => new { x.partnership_id, x.citizen_id });
                })
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);

            migrationBuilder.CreateTable(
                name: "follow_up_plans",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_interval_weeks = table.Column<int>(type: "integer", nullable: false),
                    status_checkpoint_months = table.Column<List<int>>(type: "integer[]", nullable: false),
                    no_contact_days = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_up_plans", x => x.partnership_id);
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
                name: "kpi_targets",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    measure = table.Column<int>(type: "integer", nullable: false),
                    outcome_kind = table.Column<int>(type: "integer", nullable: true),
                    milestone_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    target = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kpi_targets", x => new { x.partnership_id, x.code });
                });

            migrationBuilder.CreateTable(
                name: "milestone_definitions",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rule_kind = table.Column<int>(type: "integer", nullable: false),
                    outcome_kind = table.Column<int>(type: "integer", nullable: true),
                    weeks = table.Column<int>(type: "integer", nullable: true),
                    months = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_milestone_definitions", x => new { x.partnership_id, x.code });
                });

            migrationBuilder.CreateTable(
                name: "milestones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    citizen_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    achieved_on = table.Column<LocalDate>(type: "date", nullable: false),
                    basis_claim_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    basis_week_starts = table.Column<List<LocalDate>>(type: "date[]", nullable: false),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    revoked_on = table.Column<LocalDate>(type: "date", nullable: true),
                    revoked_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    revocation_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_milestones", x => x.id);
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
                name: "status_import_runs",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    response = table.Column<byte[]>(type: "bytea", nullable: false),
                    completed_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_status_import_runs", x => new { x.partnership_id, x.idempotency_key });
                });

            migrationBuilder.CreateTable(
                name: "weekly_status_reports",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    citizen_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    week_start = table.Column<LocalDate>(type: "date", nullable: false),
                    source = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    paid_hours_hundredths = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_weekly_status_reports", x => new { x.partnership_id, x.citizen_id, x.week_start, x.source });
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
                name: "ix_claim_history_claim_id",
                table: "claim_history",
                column: "claim_id");

            migrationBuilder.CreateIndex(
                name: "ix_claims_partnership_id_citizen_id",
                table: "claims",
                columns: new[] { "partnership_id", "citizen_id" });

            migrationBuilder.CreateIndex(
                name: "ix_claims_partnership_id_claim_reference",
                table: "claims",
                columns: new[] { "partnership_id", "claim_reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contacts_partnership_id_citizen_id",
                table: "contacts",
                columns: new[] { "partnership_id", "citizen_id" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_partnership_id_reference",
                table: "contacts",
                columns: new[] { "partnership_id", "reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deliverables_partnership_id_reference",
                table: "deliverables",
                columns: new[] { "partnership_id", "reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_milestones_partnership_id_citizen_id_code",
                table: "milestones",
                columns: new[] { "partnership_id", "citizen_id", "code" },
                unique: true,
                filter: "revoked_at IS NULL");

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

            // The audit log is append-only: the database refuses to change or delete an entry.
            migrationBuilder.Sql(AuditModel.CreateAppendOnlyTrigger);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditModel.DropAppendOnlyTrigger);

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "claim_history");

            migrationBuilder.DropTable(
                name: "claims");

            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropTable(
                name: "deliverables");

            migrationBuilder.DropTable(
                name: "follow_up_citizens");

            migrationBuilder.DropTable(
                name: "follow_up_plans");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "kpi_targets");

            migrationBuilder.DropTable(
                name: "milestone_definitions");

            migrationBuilder.DropTable(
                name: "milestones");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "status_import_runs");

            migrationBuilder.DropTable(
                name: "weekly_status_reports");
        }
    }
}
