using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskab.Outcome.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DecidedWeekStatuses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "decided_week_statuses",
                table: "follow_up_citizens",
                type: "bytea",
                nullable: false,
                defaultValueSql: "''::bytea");

            // The stored reports' decided weeks (the register's report over the provider's), as status ingestion writes them from now on.
            migrationBuilder.Sql(DecidedWeeksBackfill.Sql(registerBit: 0));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "decided_week_statuses",
                table: "follow_up_citizens");
        }
    }
}
