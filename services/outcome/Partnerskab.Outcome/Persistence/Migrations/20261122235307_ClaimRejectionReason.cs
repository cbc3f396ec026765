using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskab.Outcome.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ClaimRejectionReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "decision_reason",
                table: "claims",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "decision_reason",
                table: "claims");
        }
    }
}
