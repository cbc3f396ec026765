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
}
