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
            migrationBuilder.Sql("""
                WITH decided AS (
                    SELECT DISTINCT ON (r.partnership_id, r.citizen_id, r.week_start)
                           r.partnership_id, r.citizen_id, (r.week_start - date_trunc('week', c.follow_up_start)::date) / 7 AS week, r.status
                    FROM weekly_status_reports AS r
                    JOIN follow_up_citizens AS c ON c.partnership_id = r.partnership_id AND c.citizen_id = r.citizen_id
                    WHERE r.week_start >= date_trunc('week', c.follow_up_start)::date
                    ORDER BY r.partnership_id, r.citizen_id, r.week_start, r.source DESC
                ), strips AS (
                    SELECT w.partnership_id, w.citizen_id,
                           decode(string_agg(lpad(to_hex(coalesce(d.status, 0)), 2, '0'), '' ORDER BY n), 'hex') AS statuses
                    FROM (SELECT partnership_id, citizen_id, max(week) AS last FROM decided GROUP BY partnership_id, citizen_id) AS w
                    CROSS JOIN LATERAL generate_series(0, w.last) AS n
                    LEFT JOIN decided AS d ON d.partnership_id = w.partnership_id AND d.citizen_id = w.citizen_id AND d.week = n
                    GROUP BY w.partnership_id, w.citizen_id
                )
                UPDATE follow_up_citizens AS c SET decided_week_statuses = s.statuses
                FROM strips AS s
                WHERE c.partnership_id = s.partnership_id AND c.citizen_id = s.citizen_id;
                """);
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
