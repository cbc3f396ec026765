using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Partnerskab.ServiceDefaults.Persistence;

/// <summary>
/// Writes rows with one binary COPY on the context's connection and transaction: a path that
/// writes thousands of new rows in one transaction (an import batch) carries them at a fraction
/// of the cost of one INSERT each. The caller has decided every row is new.
/// </summary>
public static class BinaryCopy
{
    public static async Task InsertAsync<T>(DbContext db, string table, string columns, IReadOnlyCollection<T> rows,
        Func<NpgsqlBinaryImporter, T, CancellationToken, Task> writeRow, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            await writeRow(writer, row, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>Writes the value, or NULL when there is none.</summary>
    public static async Task WriteNullableAsync<T>(this NpgsqlBinaryImporter writer, T? value, NpgsqlTypes.NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null) await writer.WriteNullAsync(cancellationToken);
        else await writer.WriteAsync(value, type, cancellationToken);
    }
}
