using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

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
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kommune_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kommune_cvr = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    kommune_ean = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    provider_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    provider_cvr = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    provider_ean = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    investor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    investor_cvr = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    investor_ean = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    contract_start = table.Column<LocalDate>(type: "date", nullable: false),
                    contract_end = table.Column<LocalDate>(type: "date", nullable: false),
                    cohort_capacity = table.Column<int>(type: "integer", nullable: false),
                    follow_up_months = table.Column<int>(type: "integer", nullable: false),
                    handover_window_start = table.Column<LocalDate>(type: "date", nullable: false),
                    handover_window_end = table.Column<LocalDate>(type: "date", nullable: false),
                    eligibility_min_weeks_sick_listed = table.Column<int>(type: "integer", nullable: false),
                    eligibility_allowed_benefit_types = table.Column<int[]>(type: "integer[]", nullable: false),
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
                    handed_over_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_message_id",
                table: "outbox_messages",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_partnerships_reference",
                table: "partnerships",
                column: "reference",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "citizens");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "partnerships");
        }
    }
}
