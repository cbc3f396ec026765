using Microsoft.EntityFrameworkCore;

namespace Partnerskab.ServiceDefaults.Persistence;

/// <summary>
/// The rows of a batch's keys, read with one index probe per key whatever the table's
/// statistics say. Written as <c>key = ANY(@keys)</c>, the statement is prepared, and after five
/// runs PostgreSQL may keep a generic plan costed on statistics taken while the table was small
/// (a first national import, a new partnership's first statuses): that plan tests every row of
/// the table or partnership against the whole list. Batches of 1,000 keys then cost 10 to 450 ms
/// a statement instead of a few, growing with the table (measured with pg_stat_statements). Here each
/// key drives its own lookup through a lateral subquery that the planner cannot flatten into
/// that plan (<c>OFFSET 0</c>).
/// The partnership is given as <c>(SELECT @partnership)</c>, a value the planner cannot see: for a
/// partnership newer than the table's statistics (the first import into it) it would otherwise
/// expect no rows and may probe through any index that starts with partnership_id, walking all
/// of the partnership's rows once per key (a 1,000-key batch into a 50,000-citizen partnership:
/// 42 s instead of 69 ms, measured with EXPLAIN ANALYZE); unseen, the value is costed as an average
/// partnership's and the index that also holds the key is taken.
/// </summary>
public static class KeyProbes
{
    /// <param name="keyColumn">The probed column, which must lead an index (after partnership_id when one is given).</param>
    /// <param name="partnershipId">When given, only rows of this partnership (partnership_id) are read.</param>
    /// <param name="alsoWhere">A further condition on the table's own columns, inside the probe (for a partial index's filter).</param>
    /// <remarks>The column and condition are SQL written in code, never input; the keys and partnership are parameters.</remarks>
    public static IQueryable<T> WithKeys<T>(this DbSet<T> rows, string keyColumn, IEnumerable<string> keys, Guid? partnershipId = null, string? alsoWhere = null)
        where T : class
    {
        var table = rows.EntityType.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table.");
        var where = $"{keyColumn} = k.key";
        if (partnershipId is not null) where += " AND partnership_id = (SELECT {1})";
        if (alsoWhere is not null) where += $" AND {alsoWhere}";
        var distinct = keys.Distinct(StringComparer.Ordinal).ToArray();
        object[] parameters = partnershipId is { } partnership ? [distinct, partnership] : [distinct];
        var sql = $"SELECT t.* FROM unnest({{0}}) AS k(key) CROSS JOIN LATERAL (SELECT * FROM {table} WHERE {where} OFFSET 0) AS t";
        return rows.FromSqlRaw(sql, parameters);
    }
}
