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
    public partial class AuditLog : Migration
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
            migrationBuilder.Sql(AuditModel.CreateAppendOnlyTrigger);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditModel.DropAppendOnlyTrigger);

            migrationBuilder.DropTable(
                name: "audit_entries");
        }
    }
}
