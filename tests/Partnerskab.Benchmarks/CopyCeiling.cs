using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Partnerskab.Scenario;

namespace Partnerskab.Benchmarks;

/// <summary>
/// The ceiling of the import path: the same number of citizen rows written by Npgsql binary
/// COPY into a table shaped like the cohort service's citizens table, in the same database.
/// </summary>
public static class CopyCeiling
{
    public static async Task<TimeSpan> RunAsync(string connectionString, int rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE copy_ceiling (LIKE citizens INCLUDING ALL)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var partnershipId = Guid.NewGuid();
        var stopwatch = Stopwatch.StartNew();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY copy_ceiling (partnership_id, citizen_id, handover_date, follow_up_end, benefit_type, weeks_sick_listed, case_reference, handed_over_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var n = 0; n < rows; n++)
            {
                var handover = new DateOnly(2023, 3 + n % 4, 1 + n % 28);
                await writer.StartRowAsync();
                await writer.WriteAsync(partnershipId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                    System.Text.Encoding.ASCII.GetBytes(SyntheticCitizens.Cpr(n))), 0, 16), NpgsqlDbType.Varchar);
                await writer.WriteAsync(handover, NpgsqlDbType.Date);
                await writer.WriteAsync(handover.AddMonths(24), NpgsqlDbType.Date);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync(27 + n % 80, NpgsqlDbType.Integer);
                await writer.WriteAsync($"BENCH-{n:D7}", NpgsqlDbType.Varchar);
                await writer.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
            }
            await writer.CompleteAsync();
        }
        stopwatch.Stop();
        return stopwatch.Elapsed;
    }
}
