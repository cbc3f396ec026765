using Npgsql;

namespace Partnerskab.Benchmarks;

/// <summary>
/// Reads of the services' databases that the harness makes from outside: to wait until events
/// have arrived, and to read timestamps after a run. Nothing here writes a service's tables.
/// </summary>
public static class Database
{
    /// <summary>A single number from a query such as SELECT count(*), with positional parameters $1, $2...</summary>
    public static async Task<long> ScalarAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>
    /// Polls the count once a second until it reaches the expected number; fails after the
    /// patience with what it saw last. The rows' times come from the services' own records, so
    /// the poll's pace changes no figure, and a count over 20,000 keys four times a second took
    /// a tenth of PostgreSQL's CPU in the milestone row.
    /// </summary>
    public static async Task WaitForCountAsync(string what, string connectionString, string sql, long expected, TimeSpan patience, params object[] parameters)
    {
        var until = DateTime.UtcNow + patience;
        while (true)
        {
            var count = await ScalarAsync(connectionString, sql, parameters);
            if (count >= expected) return;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Waited {patience} for {expected:N0} {what}; there were {count:N0}.");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Rows of (key, timestamp) from a query selecting exactly those two columns.</summary>
    public static async Task<Dictionary<string, DateTime>> TimestampsAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        var rows = new Dictionary<string, DateTime>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows[reader.GetString(0)] = reader.GetDateTime(1);
        return rows;
    }
}
