using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnerskab.Cohort.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PlacesTakenCounter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "places_taken",
                table: "partnerships",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Every writer of citizens keeps the count in its own transaction, statement by statement
            // (an import's COPY of a thousand citizens is one update of the partnership's row).
            migrationBuilder.Sql("""
                UPDATE partnerships p SET places_taken =
                    (SELECT count(*) FROM citizens c WHERE c.partnership_id = p.id AND c.exit_reason IS DISTINCT FROM 5);

                CREATE FUNCTION citizens_keep_places_taken() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- 5 is ExitReason.WronglyEnrolled: such a citizen frees the place.
                    IF TG_OP = 'INSERT' THEN
                        UPDATE partnerships p SET places_taken = p.places_taken + d.taken
                        FROM (SELECT partnership_id, count(*)::int AS taken FROM new_rows
                              WHERE exit_reason IS DISTINCT FROM 5 GROUP BY partnership_id) d
                        WHERE p.id = d.partnership_id;
                    ELSIF TG_OP = 'DELETE' THEN
                        UPDATE partnerships p SET places_taken = p.places_taken - d.taken
                        FROM (SELECT partnership_id, count(*)::int AS taken FROM old_rows
                              WHERE exit_reason IS DISTINCT FROM 5 GROUP BY partnership_id) d
                        WHERE p.id = d.partnership_id;
                    ELSE
                        UPDATE partnerships p SET places_taken = p.places_taken + d.taken
                        FROM (SELECT partnership_id, sum(change)::int AS taken FROM (
                                  SELECT partnership_id, 1 AS change FROM new_rows WHERE exit_reason IS DISTINCT FROM 5
                                  UNION ALL
                                  SELECT partnership_id, -1 FROM old_rows WHERE exit_reason IS DISTINCT FROM 5) changes
                              GROUP BY partnership_id) d
                        WHERE p.id = d.partnership_id AND d.taken <> 0;
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER citizens_places_taken_insert AFTER INSERT ON citizens
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION citizens_keep_places_taken();
                CREATE TRIGGER citizens_places_taken_update AFTER UPDATE ON citizens
                    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION citizens_keep_places_taken();
                CREATE TRIGGER citizens_places_taken_delete AFTER DELETE ON citizens
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION citizens_keep_places_taken();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER citizens_places_taken_delete ON citizens;
                DROP TRIGGER citizens_places_taken_update ON citizens;
                DROP TRIGGER citizens_places_taken_insert ON citizens;
                DROP FUNCTION citizens_keep_places_taken();
                """);
            migrationBuilder.DropColumn(
                name: "places_taken",
                table: "partnerships");
        }
    }
}
