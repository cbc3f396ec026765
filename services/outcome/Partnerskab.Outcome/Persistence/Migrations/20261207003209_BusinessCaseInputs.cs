using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Partnerskab.Outcome.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class BusinessCaseInputs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "business_case_inputs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    effective_from = table.Column<LocalDate>(type: "date", nullable: false),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rate_statuses = table.Column<int[]>(type: "integer[]", nullable: false),
                    rate_years = table.Column<int[]>(type: "integer[]", nullable: false),
                    rate_ore_per_week = table.Column<long[]>(type: "bigint[]", nullable: false),
                    share_statuses = table.Column<int[]>(type: "integer[]", nullable: false),
                    share_from_weeks = table.Column<int[]>(type: "integer[]", nullable: false),
                    share_basis_points = table.Column<int[]>(type: "integer[]", nullable: false),
                    rates_source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    curve_basis_points = table.Column<int[]>(type: "integer[]", nullable: false),
                    curve_source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_business_case_inputs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_business_case_inputs_partnership_id_effective_from",
                table: "business_case_inputs",
                columns: new[] { "partnership_id", "effective_from" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "business_case_inputs");
        }
    }
}
