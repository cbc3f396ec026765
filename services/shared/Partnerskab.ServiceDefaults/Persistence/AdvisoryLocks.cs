using Microsoft.EntityFrameworkCore;

namespace Partnerskab.ServiceDefaults.Persistence;

/// <summary>
/// PostgreSQL advisory locks on text keys, held until the transaction ends. Several keys are
/// taken in one statement in hash order, so two transactions locking overlapping sets wait for
/// each other instead of deadlocking.
/// </summary>
public static class AdvisoryLocks
{
    public static Task LockAsync(DbContext db, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var distinct = keys.Distinct(StringComparer.Ordinal).ToArray();
        return db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest({distinct}) AS k ORDER BY h) AS locks",
            cancellationToken);
    }

    public static Task LockAsync(DbContext db, string key, CancellationToken cancellationToken) => LockAsync(db, [key], cancellationToken);

    /// <summary>
    /// Takes <paramref name="keys"/> alone and <paramref name="sharedKeys"/> shared (a key in both,
    /// or two keys of one hash, alone), all in one statement in hash order.
    /// </summary>
    public static Task LockAsync(DbContext db, IEnumerable<string> keys, IEnumerable<string> sharedKeys, CancellationToken cancellationToken)
    {
        var alone = keys.Distinct(StringComparer.Ordinal).ToArray();
        var shared = sharedKeys.Distinct(StringComparer.Ordinal).ToArray();
        return db.Database.ExecuteSqlAsync($"""
            SELECT CASE WHEN alone THEN pg_advisory_xact_lock(h) ELSE pg_advisory_xact_lock_shared(h) END
            FROM (SELECT hashtext(k) AS h, bool_or(alone) AS alone
                  FROM (SELECT k, true AS alone FROM unnest({alone}) AS k UNION ALL SELECT k, false FROM unnest({shared}) AS k) AS wanted
                  GROUP BY 1 ORDER BY 1) AS locks
            """, cancellationToken);
    }
}
