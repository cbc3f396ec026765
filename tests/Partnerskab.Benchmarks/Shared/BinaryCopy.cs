using System.Diagnostics;
using Npgsql;

namespace Partnerskab.Benchmarks;

/// <summary>
/// Npgsql binary COPY, the fastest way rows reach PostgreSQL from .NET: the ceilings of the
/// streaming paths, and the direct load of the report benchmarks' data set.
/// </summary>
public static class BinaryCopy
{
    /// <summary>Writes the rows with one COPY ... FROM STDIN (FORMAT BINARY) and returns how long the COPY took.</summary>
    public static async Task<TimeSpan> RunAsync<T>(NpgsqlConnection connection, string table, string columns, IEnumerable<T> rows,
        Func<NpgsqlBinaryImporter, T, Task> writeRow)
    {
        var stopwatch = Stopwatch.StartNew();
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync();
                await writeRow(writer, row);
            }
            await writer.CompleteAsync();
        }
        return stopwatch.Elapsed;
    }

    /// <summary>
    /// A ceiling: the rows copied into a temporary table made LIKE the service's table (its
    /// columns, keys and indexes), in the service's own database, so nothing the service holds changes.
    /// </summary>
    public static async Task<TimeSpan> IntoLikeTableAsync<T>(string connectionString, string table, string columns, IEnumerable<T> rows,
        Func<NpgsqlBinaryImporter, T, Task> writeRow)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var ceilingTable = $"ceiling_{table}";
        await using (var create = new NpgsqlCommand($"CREATE TEMP TABLE {ceilingTable} (LIKE {table} INCLUDING ALL)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        return await RunAsync(connection, ceilingTable, columns, rows, writeRow);
    }
}
