using NpgsqlTypes;

namespace Partnerskab.Benchmarks;

/// <summary>
/// The ceiling of the import path: the same number of citizen rows written by Npgsql binary
/// COPY into a table shaped like the cohort service's citizens table, in the same database.
/// </summary>
public static class CitizenCopyCeiling
{
    public static Task<TimeSpan> RunAsync(string connectionString, int rows)
    {
        var partnershipId = Guid.NewGuid();
        return BinaryCopy.IntoLikeTableAsync(connectionString, "citizens",
            "partnership_id, citizen_id, handover_date, follow_up_end, benefit_type, weeks_sick_listed, case_reference, handed_over_at",
            Enumerable.Range(0, rows), async (writer, n) =>
            {
                var handover = ImportBenchmark.HandoverDate(n);
                await writer.WriteAsync(partnershipId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(SyntheticPseudonyms.Of(n), NpgsqlDbType.Varchar);
                await writer.WriteAsync(handover, NpgsqlDbType.Date);
                await writer.WriteAsync(handover.AddMonths(24), NpgsqlDbType.Date);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync(27 + n % 80, NpgsqlDbType.Integer);
                await writer.WriteAsync($"BENCH-{n:D7}", NpgsqlDbType.Varchar);
                await writer.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
            });
    }
}
