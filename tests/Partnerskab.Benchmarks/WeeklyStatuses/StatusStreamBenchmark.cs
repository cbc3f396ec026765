using System.Diagnostics;
using System.Globalization;
using NpgsqlTypes;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario;

namespace Partnerskab.Benchmarks;

/// <summary>
/// Streams the provider's weekly statuses for citizens already known to the outcome service
/// through ReportWeeklyStatuses, week after week for all of them (as a provider backfilling
/// some weeks would), and reports rows per second from the first row sent to the answers.
/// </summary>
/// <remarks>
/// The rows go in two streams side by side, each for half of the citizens, as a sender
/// splitting its extract would. One stream is bound by its client: Grpc.Net.Client flushes
/// every message it writes and takes one write at a time. One stream alone gave 20,000 to 25,500
/// rows/s, with the two cores two-thirds busy (52 of 82 core-seconds); two streams gave
/// 31,075 rows/s at the same service code, with 57 of 64 core-seconds used.
/// </remarks>
public static class StatusStreamBenchmark
{
    public sealed record Result(int Rows, int Accepted, int Rejected, int Unchanged, TimeSpan Elapsed)
    {
        public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The partnership's milestones while the statuses stream in, as a real partnership defines
    /// them: so every batch runs the milestone engine over its citizens' timelines. Thirteen
    /// weeks in a row cannot be reached in the few weeks streamed, so the row measures ingestion
    /// and the engine without milestone events (those are the milestone row's).
    /// </summary>
    public static readonly MilestoneDefinition[] Milestones =
    [
        new() { Code = ThinSlice.JobStartCode, Description = "First verified job start", RuleKind = MilestoneRuleKind.FirstVerifiedOutcome, OutcomeKind = OutcomeKind.JobStart },
        new() { Code = "SELF_SUFFICIENT_13_WEEKS", Description = "Thirteen self-sufficient weeks in a row", RuleKind = MilestoneRuleKind.ConsecutiveSelfSufficientWeeks, Weeks = 13 },
    ];

    /// <summary>The Monday of ISO week 2023-W27, after every benchmark citizen's handover (March to June 2023).</summary>
    public static readonly DateOnly FirstWeek = new(2023, 7, 3);

    public sealed record Row(string CitizenId, DateOnly WeekStart, StatusSequences.Week Week);

    /// <summary>How many streams carry the rows at once.</summary>
    public const int Streams = 2;

    /// <summary>
    /// The rows, week-major: every citizen's first week, then every citizen's second week...
    /// Citizen i of the list follows status sequence <paramref name="firstIndex"/> + i.
    /// </summary>
    public static IEnumerable<Row> Rows(IReadOnlyList<string> citizenIds, int weeks, int seed, int firstIndex = 0)
    {
        var sequences = citizenIds.Select((_, i) => StatusSequences.For(seed, firstIndex + i).GetEnumerator()).ToList();
        for (var week = 0; week < weeks; week++)
        {
            for (var i = 0; i < citizenIds.Count; i++)
            {
                sequences[i].MoveNext();
                yield return new Row(citizenIds[i], FirstWeek.AddDays(7 * week), sequences[i].Current);
            }
        }
    }

    public static async Task<Result> RunAsync(SuiteClients suite, string partnershipId, IReadOnlyList<string> citizenIds, int weeks, int seed)
    {
        // The same rows as the ceiling's, shared out by citizen.
        var share = (citizenIds.Count + Streams - 1) / Streams;
        var shares = citizenIds.Chunk(share).Select((citizens, s) => (Citizens: citizens, FirstIndex: s * share)).ToList();
        var stopwatch = Stopwatch.StartNew();
        var responses = await Task.WhenAll(shares.Select(s =>
            SendAsync(suite, partnershipId, $"benchmark-statuses-{Guid.NewGuid():N}", Rows(s.Citizens, weeks, seed, s.FirstIndex), Deadlines.Stream())));
        stopwatch.Stop();
        return new Result(citizenIds.Count * weeks, responses.Sum(r => r.Accepted), responses.Sum(r => r.Rejected), responses.Sum(r => r.Unchanged),
            stopwatch.Elapsed);
    }

    /// <summary>One ReportWeeklyStatuses stream of the provider's rows.</summary>
    public static async Task<ReportWeeklyStatusesResponse> SendAsync(SuiteClients suite, string partnershipId, string idempotencyKey,
        IEnumerable<Row> rows, DateTime deadline)
    {
        using var call = suite.Outcome.ReportWeeklyStatuses(deadline: deadline);
        var first = true;
        foreach (var row in rows)
        {
            var day = row.WeekStart.ToDateTime(TimeOnly.MinValue);
            await call.RequestStream.WriteAsync(new ReportWeeklyStatusesRequest
            {
                PartnershipId = first ? partnershipId : "",
                IdempotencyKey = first ? idempotencyKey : "",
                Source = first ? StatusSource.Provider : StatusSource.Unspecified,
                // As a bulk sender asks: the counts, and the rows it must correct.
                RejectedRowsOnly = first,
                Row = new WeeklyStatusRow
                {
                    CitizenId = row.CitizenId,
                    IsoWeekYear = ISOWeek.GetYear(day),
                    IsoWeek = ISOWeek.GetWeekOfYear(day),
                    Status = row.Week.Status,
                    PaidHoursHundredths = row.Week.PaidHoursHundredths,
                },
            });
            first = false;
        }
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    /// <summary>
    /// How long after the streams' end the outcome service has recounted every citizen they marked
    /// (its kept worklist and committee counts are brought in step after each batch commits).
    /// </summary>
    public static async Task<TimeSpan> KeptReadsInStepAsync(string connectionString)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var marked = new Npgsql.NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM kept_recount_marks)", connection);
        while ((bool)(await marked.ExecuteScalarAsync())!)
        {
            if (stopwatch.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("The kept reads were not in step 10 minutes after the streams' end.");
            await Task.Delay(50);
        }
        return stopwatch.Elapsed;
    }

    /// <summary>The ceiling: the same rows by Npgsql binary COPY into a table like weekly_status_reports, in the outcome database.</summary>
    public static Task<TimeSpan> CopyCeilingAsync(string connectionString, string partnershipId, IReadOnlyList<string> citizenIds, int weeks, int seed)
    {
        var id = Guid.Parse(partnershipId);
        return BinaryCopy.IntoLikeTableAsync(connectionString, "weekly_status_reports", WeeklyStatusColumns, Rows(citizenIds, weeks, seed),
            (writer, row) => WriteStatusAsync(writer, id, row, DateTime.UtcNow));
    }

    public const string WeeklyStatusColumns = "partnership_id, citizen_id, week_start, source, status, paid_hours_hundredths, recorded_at";

    /// <summary>One provider row of weekly_status_reports, in <see cref="WeeklyStatusColumns"/>' order.</summary>
    public static async Task WriteStatusAsync(Npgsql.NpgsqlBinaryImporter writer, Guid partnershipId, Row row, DateTime recordedAt)
    {
        await writer.WriteAsync(partnershipId, NpgsqlDbType.Uuid);
        await writer.WriteAsync(row.CitizenId, NpgsqlDbType.Varchar);
        await writer.WriteAsync(row.WeekStart, NpgsqlDbType.Date);
        await writer.WriteAsync((int)StatusSource.Provider, NpgsqlDbType.Integer);
        await writer.WriteAsync((int)row.Week.Status, NpgsqlDbType.Integer);
        await writer.WriteAsync(row.Week.PaidHoursHundredths, NpgsqlDbType.Integer);
        await writer.WriteAsync(recordedAt, NpgsqlDbType.TimestampTz);
    }
}
