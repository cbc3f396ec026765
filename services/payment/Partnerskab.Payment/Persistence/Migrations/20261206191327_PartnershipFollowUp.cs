using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskab.Payment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PartnershipFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "follow_up_months",
                table: "partnerships",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "follow_up_months",
                table: "partnerships");
        }
    }
}
