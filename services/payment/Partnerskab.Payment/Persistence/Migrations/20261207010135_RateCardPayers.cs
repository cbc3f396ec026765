using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskab.Payment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RateCardPayers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "remainder_payer_id",
                table: "rate_cards",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "rate_card_payers",
                columns: table => new
                {
                    payer_id = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    rate_card_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    cvr = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ean = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    share_basis_points = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rate_card_payers", x => new { x.rate_card_id, x.payer_id });
                    table.ForeignKey(
                        name: "fk_rate_card_payers_rate_cards_rate_card_id",
                        column: x => x.rate_card_id,
                        principalTable: "rate_cards",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rate_card_payers");

            migrationBuilder.DropColumn(
                name: "remainder_payer_id",
                table: "rate_cards");
        }
    }
}
