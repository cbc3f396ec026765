using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Partnerskab.ServiceDefaults.Persistence;

/// <summary>
/// A binary COPY into one table: each column it writes beside the value written to it, and the
/// columns it leaves to the table's defaults (keys the database generates, columns a later step
/// sets). The EF model is the other write path into the same table; <see cref="DriftFrom"/> names
/// every difference between the two, so a test per COPY fails when a column is added to the model
/// and not here.
/// </summary>
public sealed class CopyColumns<T>
{
    private readonly (string Column, Func<NpgsqlBinaryImporter, T, CancellationToken, Task> Write)[] writes;

    public CopyColumns(string table, IReadOnlyList<string> leftToDefaults,
        params (string Column, Func<NpgsqlBinaryImporter, T, CancellationToken, Task> Write)[] writes)
    {
        Table = table;
        LeftToDefaults = leftToDefaults;
        this.writes = writes;
        Written = [.. writes.Select(w => w.Column)];
    }

    public string Table { get; }

    /// <summary>The columns the COPY writes, in order.</summary>
    public IReadOnlyList<string> Written { get; }

    public IReadOnlyList<string> LeftToDefaults { get; }

    public Task InsertAsync(DbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken) =>
        BinaryCopy.InsertAsync(db, Table, string.Join(", ", Written), rows,
            async (writer, row, ct) =>
            {
                foreach (var (_, write) in writes) await write(writer, row, ct);
            }, cancellationToken);

    /// <summary>
    /// What differs from the entity's mapping: another table, a mapped column neither written nor
    /// left to its default, a column named here that is not mapped or named twice.
    /// </summary>
    public IReadOnlyList<string> DriftFrom(IEntityType entity)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var mapped = entity.GetProperties().Select(p => p.GetColumnName(table)!).ToHashSet(StringComparer.Ordinal);
        var named = Written.Concat(LeftToDefaults).ToList();
        var drift = new List<string>();
        if (table.Name != Table) drift.Add($"the model maps {entity.DisplayName()} to {table.Name}, the COPY writes {Table}");
        drift.AddRange(mapped.Where(c => !named.Contains(c)).Select(c => $"{c} is mapped but neither written nor left to its default"));
        drift.AddRange(named.Where(c => !mapped.Contains(c)).Distinct().Select(c => $"{c} is not mapped"));
        drift.AddRange(named.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => $"{g.Key} is named twice"));
        return drift;
    }
}
