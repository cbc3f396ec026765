using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Partnerskab.Cohort.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CitizenStatusDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "citizen_status_days",
                columns: table => new
                {
                    partnership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<short>(type: "smallint", nullable: false),
                    day = table.Column<LocalDate>(type: "date", nullable: false),
                    citizens = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_citizen_status_days", x => new { x.partnership_id, x.kind, x.day });
                });

            // Every writer of citizens keeps the day counts in its own transaction, statement by
            // statement, as the places-taken count is kept; the upsert goes in key order so two
            // writers of one partnership lock its day rows in the same order.
            migrationBuilder.Sql("""
                CREATE FUNCTION citizen_status_days_of(follow_up_end date, exit_date date)
                RETURNS TABLE (kind smallint, day date) LANGUAGE sql IMMUTABLE AS $$
                    SELECT 1::smallint, follow_up_end
                    UNION ALL SELECT 2::smallint, exit_date WHERE exit_date IS NOT NULL
                    UNION ALL SELECT 3::smallint, greatest(follow_up_end, exit_date) WHERE exit_date IS NOT NULL
                $$;

                INSERT INTO citizen_status_days (partnership_id, kind, day, citizens)
                SELECT c.partnership_id, d.kind, d.day, count(*)
                FROM citizens c, citizen_status_days_of(c.follow_up_end, c.exit_date) d
                GROUP BY c.partnership_id, d.kind, d.day;

                CREATE FUNCTION citizens_keep_status_days() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO citizen_status_days AS kept (partnership_id, kind, day, citizens)
                        SELECT r.partnership_id, d.kind, d.day, count(*)
                        FROM new_rows r, citizen_status_days_of(r.follow_up_end, r.exit_date) d
                        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                        ON CONFLICT (partnership_id, kind, day) DO UPDATE SET citizens = kept.citizens + excluded.citizens;
                    ELSIF TG_OP = 'DELETE' THEN
                        UPDATE citizen_status_days kept SET citizens = kept.citizens - gone.citizens
                        FROM (SELECT r.partnership_id, d.kind, d.day, count(*)::int AS citizens
                              FROM old_rows r, citizen_status_days_of(r.follow_up_end, r.exit_date) d
                              GROUP BY 1, 2, 3) gone
                        WHERE (kept.partnership_id, kept.kind, kept.day) = (gone.partnership_id, gone.kind, gone.day);
                    ELSE
                        INSERT INTO citizen_status_days AS kept (partnership_id, kind, day, citizens)
                        SELECT partnership_id, kind, day, sum(change) FROM (
                            SELECT r.partnership_id, d.kind, d.day, 1 AS change
                            FROM new_rows r, citizen_status_days_of(r.follow_up_end, r.exit_date) d
                            UNION ALL
                            SELECT r.partnership_id, d.kind, d.day, -1
                            FROM old_rows r, citizen_status_days_of(r.follow_up_end, r.exit_date) d) changes
                        GROUP BY 1, 2, 3 HAVING sum(change) <> 0 ORDER BY 1, 2, 3
                        ON CONFLICT (partnership_id, kind, day) DO UPDATE SET citizens = kept.citizens + excluded.citizens;
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER citizens_status_days_insert AFTER INSERT ON citizens
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION citizens_keep_status_days();
                CREATE TRIGGER citizens_status_days_update AFTER UPDATE ON citizens
                    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION citizens_keep_status_days();
                CREATE TRIGGER citizens_status_days_delete AFTER DELETE ON citizens
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION citizens_keep_status_days();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER citizens_status_days_delete ON citizens;
                DROP TRIGGER citizens_status_days_update ON citizens;
                DROP TRIGGER citizens_status_days_insert ON citizens;
                DROP FUNCTION citizens_keep_status_days();
                DROP FUNCTION citizen_status_days_of(date, date);
                """);
            migrationBuilder.DropTable(
                name: "citizen_status_days");
        }
    }
}
