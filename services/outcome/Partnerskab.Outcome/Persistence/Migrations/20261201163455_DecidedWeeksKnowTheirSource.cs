using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskab.Outcome.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DecidedWeeksKnowTheirSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "follow_up_citizens")
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);
            migrationBuilder.Sql(DecidedWeeksBackfill.Sql(registerBit: 128));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "follow_up_citizens")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 70);
            migrationBuilder.Sql(DecidedWeeksBackfill.Sql(registerBit: 0));
        }
    }
}
