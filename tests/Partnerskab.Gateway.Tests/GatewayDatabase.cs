using Npgsql;

namespace Partnerskab.Gateway.Tests;

/// <summary>What the tests read in the gateway's own database: its idempotency keys and bulk jobs.</summary>
public static class GatewayDatabase
{
    public static async Task<NpgsqlConnection> OpenAsync(this GatewayFixture fixture)
    {
        var connection = new NpgsqlConnection(fixture.Suite.ConnectionString("gateway"));
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Waits until a request has claimed the key (its row exists, finished or not).</summary>
    public static async Task WaitForIdempotencyKeyAsync(this GatewayFixture fixture, string key)
    {
        await using var connection = await fixture.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT count(*) FROM idempotency_keys WHERE key = $1", connection) { Parameters = { new() { Value = key } } };
        var until = DateTime.UtcNow.AddSeconds(30);
        while ((long)(await query.ExecuteScalarAsync())! == 0)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The first request never claimed its key.");
            await Task.Delay(50);
        }
    }

    /// <summary>How many jobs there are for the partnership (or issuer).</summary>
    public static async Task<long> CountJobsAsync(this GatewayFixture fixture, string target)
    {
        await using var connection = await fixture.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT count(*) FROM bulk_jobs WHERE target = $1", connection) { Parameters = { new() { Value = target } } };
        return (long)(await query.ExecuteScalarAsync())!;
    }
}
