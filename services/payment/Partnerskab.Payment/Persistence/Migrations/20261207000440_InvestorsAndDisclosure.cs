using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Partnerskab.Payment.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InvestorsAndDisclosure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "disclosure_settings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    part = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    set_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    set_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disclosure_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "investor_cash_flows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    occurred_on = table.Column<LocalDate>(type: "date", nullable: false),
                    amount_ore = table.Column<long>(type: "bigint", nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_investor_cash_flows", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_disclosure_settings_partnership_id_part_set_at",
                table: "disclosure_settings",
                columns: new[] { "partnership_id", "part", "set_at" });

            migrationBuilder.CreateIndex(
                name: "ix_investor_cash_flows_partnership_id_reference",
                table: "investor_cash_flows",
                columns: new[] { "partnership_id", "reference" },
                unique: true);

            migrationBuilder.Sql(MigrationSql.Read("20261207000440_InvestorsAndDisclosure.Up"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disclosure_settings");

            migrationBuilder.DropTable(
                name: "investor_cash_flows");

            migrationBuilder.Sql(MigrationSql.Read("20261207000440_InvestorsAndDisclosure.Down"));
        }
    }
}
