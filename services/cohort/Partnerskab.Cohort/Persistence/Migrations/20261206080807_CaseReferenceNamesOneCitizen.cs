using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskab.Cohort.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CaseReferenceNamesOneCitizen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_citizens_partnership_id_case_reference",
                table: "citizens");

            migrationBuilder.CreateIndex(
                name: "ix_citizens_partnership_id_case_reference",
                table: "citizens",
                columns: new[] { "partnership_id", "case_reference" },
                unique: true,
                filter: "case_reference <> ''");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_citizens_partnership_id_case_reference",
                table: "citizens");

            migrationBuilder.CreateIndex(
                name: "ix_citizens_partnership_id_case_reference",
                table: "citizens",
                columns: new[] { "partnership_id", "case_reference" });
        }
    }
}
