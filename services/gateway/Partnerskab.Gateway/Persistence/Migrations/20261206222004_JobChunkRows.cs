using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskab.Gateway.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class JobChunkRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "chunk_rows",
                table: "bulk_jobs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Jobs posted before kept the sizes their kinds had then.
            migrationBuilder.Sql("""
                UPDATE bulk_jobs SET chunk_rows = CASE
                    WHEN validate_only THEN greatest(rows, 1)
                    WHEN kind = 'citizens' THEN 10000
                    WHEN kind = 'weeklyStatuses' THEN 1000
                    ELSE 1 END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "chunk_rows",
                table: "bulk_jobs");
        }
    }
}
