using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Partnerskab.Outcome.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ComparisonGroup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "comparison_citizens",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    citizen_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    target_group_start = table.Column<LocalDate>(type: "date", nullable: false),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comparison_citizens", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "comparison_status_reports",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    citizen_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    week_start = table.Column<LocalDate>(type: "date", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    paid_hours_hundredths = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comparison_status_reports", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_comparison_citizens_partnership_id_citizen_id_id",
                table: "comparison_citizens",
                columns: new[] { "partnership_id", "citizen_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_comparison_status_reports_partnership_id_citizen_id_week_st",
                table: "comparison_status_reports",
                columns: new[] { "partnership_id", "citizen_id", "week_start", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "comparison_citizens");

            migrationBuilder.DropTable(
                name: "comparison_status_reports");
        }
    }
}
