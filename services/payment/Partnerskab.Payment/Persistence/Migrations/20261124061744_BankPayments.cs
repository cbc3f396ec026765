using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Partnerskab.Payment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class BankPayments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bank_payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    issuer_cvr = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    bank_line_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    amount_ore = table.Column<long>(type: "bigint", nullable: false),
                    booked_on = table.Column<LocalDate>(type: "date", nullable: false),
                    reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bank_payments", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bank_payments_issuer_cvr_bank_line_id",
                table: "bank_payments",
                columns: new[] { "issuer_cvr", "bank_line_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bank_payments");
        }
    }
}
