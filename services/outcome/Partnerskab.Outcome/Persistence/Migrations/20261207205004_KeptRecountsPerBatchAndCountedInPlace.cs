using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Partnerskab.Outcome.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class KeptRecountsPerBatchAndCountedInPlace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Marks left by the old shape become rebuilds of their partnerships from the facts: exact, and rare (only marks not yet recounted at the upgrade).
            migrationBuilder.Sql("""
                INSERT INTO kept_rebuilds (partnership_id, requested_at) SELECT DISTINCT partnership_id, now() FROM kept_recounts ON CONFLICT (partnership_id) DO NOTHING;
                DELETE FROM kept_recounts;
                """);

            migrationBuilder.DropPrimaryKey(
                name: "pk_kept_recounts",
                table: "kept_recounts");

            migrationBuilder.DropIndex(
                name: "ix_kept_recounts_marked_at",
                table: "kept_recounts");

            migrationBuilder.DropColumn(
                name: "citizen_id",
                table: "kept_recounts");

            migrationBuilder.AlterTable(
                name: "counted_citizens")
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);

            migrationBuilder.AddColumn<long>(
                name: "id",
                table: "kept_recounts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddColumn<string[]>(
                name: "citizen_ids",
                table: "kept_recounts",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<int>(
                name: "citizens",
                table: "kept_recounts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "pk_kept_recounts",
                table: "kept_recounts",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_kept_recounts_partnership_id",
                table: "kept_recounts",
                column: "partnership_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_kept_recounts",
                table: "kept_recounts");

            migrationBuilder.DropIndex(
                name: "ix_kept_recounts_partnership_id",
                table: "kept_recounts");

            migrationBuilder.DropColumn(
                name: "id",
                table: "kept_recounts");

            migrationBuilder.DropColumn(
                name: "citizen_ids",
                table: "kept_recounts");

            migrationBuilder.DropColumn(
                name: "citizens",
                table: "kept_recounts");

            migrationBuilder.AlterTable(
                name: "counted_citizens")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 70);

            migrationBuilder.AddColumn<string>(
                name: "citizen_id",
                table: "kept_recounts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "pk_kept_recounts",
                table: "kept_recounts",
                columns: new[] { "partnership_id", "citizen_id" });

            migrationBuilder.CreateIndex(
                name: "ix_kept_recounts_marked_at",
                table: "kept_recounts",
                column: "marked_at");
        }
    }
}
