using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Partnerskab.Outcome.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MilestoneEngineClaimHistoryAndExits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_milestones_partnership_id_citizen_id_code",
                table: "milestones");

            migrationBuilder.AddColumn<List<LocalDate>>(
                name: "basis_week_starts",
                table: "milestones",
                type: "date[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "revocation_reason",
                table: "milestones",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "revoked_at",
                table: "milestones",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<LocalDate>(
                name: "revoked_on",
                table: "milestones",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "months",
                table: "milestone_definitions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "weeks",
                table: "milestone_definitions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<LocalDate>(
                name: "exit_date",
                table: "follow_up_citizens",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "exit_reason",
                table: "follow_up_citizens",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_milestones_partnership_id_citizen_id_code",
                table: "milestones",
                columns: new[] { "partnership_id", "citizen_id", "code" },
                unique: true,
                filter: "revoked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_claim_history_claim_id",
                table: "claim_history",
                column: "claim_id");

            // Claims made before the history existed get their claim and decision as history.
            migrationBuilder.Sql("""
                INSERT INTO claim_history (id, claim_id, action, by, reason, at, outcome_date, hours_per_week_hundredths, employer_cvr, evidence_reference)
                SELECT gen_random_uuid(), id, 1, 'provider', '', claimed_at, outcome_date, hours_per_week_hundredths, employer_cvr, evidence_reference
                FROM claims;
                INSERT INTO claim_history (id, claim_id, action, by, reason, at, outcome_date, hours_per_week_hundredths, employer_cvr, evidence_reference)
                SELECT gen_random_uuid(), id, status, decided_by, coalesce(decision_reason, ''), decided_at, outcome_date, hours_per_week_hundredths, employer_cvr, evidence_reference
                FROM claims WHERE status IN (2, 3) AND decided_at IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "claim_history");

            migrationBuilder.DropIndex(
                name: "ix_milestones_partnership_id_citizen_id_code",
                table: "milestones");

            migrationBuilder.DropColumn(
                name: "basis_week_starts",
                table: "milestones");

            migrationBuilder.DropColumn(
                name: "revocation_reason",
                table: "milestones");

            migrationBuilder.DropColumn(
                name: "revoked_at",
                table: "milestones");

            migrationBuilder.DropColumn(
                name: "revoked_on",
                table: "milestones");

            migrationBuilder.DropColumn(
                name: "months",
                table: "milestone_definitions");

            migrationBuilder.DropColumn(
                name: "weeks",
                table: "milestone_definitions");

            migrationBuilder.DropColumn(
                name: "exit_date",
                table: "follow_up_citizens");

            migrationBuilder.DropColumn(
                name: "exit_reason",
                table: "follow_up_citizens");

            migrationBuilder.CreateIndex(
                name: "ix_milestones_partnership_id_citizen_id_code",
                table: "milestones",
                columns: new[] { "partnership_id", "citizen_id", "code" },
                unique: true);
        }
    }
}
