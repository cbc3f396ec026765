namespace Partnerskab.Outcome.Persistence.Migrations;

/// <summary>The migrations' backfill of <c>follow_up_citizens.decided_week_statuses</c>.</summary>
internal static class DecidedWeeksBackfill
{
    /// <summary>
    /// Every citizen's decided weeks from the stored reports (the register's report over the
    /// provider's), one byte a week from the follow-up's first week: the status, plus
    /// <paramref name="registerBit"/> where the register decided it.
    /// </summary>
    public static string Sql(int registerBit) => $$"""
        WITH decided AS (
            SELECT DISTINCT ON (r.partnership_id, r.citizen_id, r.week_start)
                   r.partnership_id, r.citizen_id, (r.week_start - date_trunc('week', c.follow_up_start)::date) / 7 AS week,
                   r.status + CASE WHEN r.source = 2 THEN {{registerBit}} ELSE 0 END AS decided
            FROM weekly_status_reports AS r
            JOIN follow_up_citizens AS c ON c.partnership_id = r.partnership_id AND c.citizen_id = r.citizen_id
            WHERE r.week_start >= date_trunc('week', c.follow_up_start)::date
            ORDER BY r.partnership_id, r.citizen_id, r.week_start, r.source DESC
        ), strips AS (
            SELECT w.partnership_id, w.citizen_id,
                   decode(string_agg(lpad(to_hex(coalesce(d.decided, 0)), 2, '0'), '' ORDER BY n), 'hex') AS statuses
            FROM (SELECT partnership_id, citizen_id, max(week) AS last FROM decided GROUP BY partnership_id, citizen_id) AS w
            CROSS JOIN LATERAL generate_series(0, w.last) AS n
            LEFT JOIN decided AS d ON d.partnership_id = w.partnership_id AND d.citizen_id = w.citizen_id AND d.week = n
            GROUP BY w.partnership_id, w.citizen_id
        )
        UPDATE follow_up_citizens AS c SET decided_week_statuses = s.statuses
        FROM strips AS s
        WHERE c.partnership_id = s.partnership_id AND c.citizen_id = s.citizen_id;
        """;
}
