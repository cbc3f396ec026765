using System.Diagnostics;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing;

namespace Partnerskab.Benchmarks;

/// <summary>
/// Whether a read or an import costs more as the partnership grows: the worklist's first page
/// and the committee report at the largest partnership of national data sets of two sizes, and
/// an import into a partnership that already holds many citizens beside the same import into an
/// empty one.
/// </summary>
public static class GrowthBenchmark
{
    /// <param name="DataSetCitizens">The national data sets' sizes, smallest first; each loaded with its own seed beside the others.</param>
    /// <param name="Calls">Calls of each read at each size, one at a time.</param>
    /// <param name="FillRows">The citizens a partnership holds before the measured import into it.</param>
    /// <param name="ImportRows">The measured import's rows, into the full partnership and into an empty one.</param>
    public sealed record Options(IReadOnlyList<int> DataSetCitizens, int Calls, int FillRows, int ImportRows);

    /// <summary>The largest partnership of one data set, and its reads' latencies.</summary>
    public sealed record ReadsAtSize(int DataSetCitizens, int LargestPartnership, Latencies WorklistPage, Latencies CommitteeReport);

    public sealed record ImportResult(int FillRows, ImportBenchmark.Result IntoFull, ImportBenchmark.Result IntoEmpty);

    /// <summary>The worklist's first page of 100 as of today, as a provider opens it.</summary>
    public const int WorklistPageSize = 100;

    /// <summary>
    /// Loads a data set per size (seeds after <paramref name="national"/>'s), its handovers moved
    /// to the year before today so that its citizens are in follow-up and today's worklist holds
    /// their overdue checkpoints, and times the two reads at its largest partnership.
    /// </summary>
    public static async Task<IReadOnlyList<ReadsAtSize>> ReadsAsync(SuiteClients clients, Func<string, string> connectionString,
        NationalDataSet.Options national, Options options)
    {
        var results = new List<ReadsAtSize>();
        for (var i = 0; i < options.DataSetCitizens.Count; i++)
        {
            var loaded = await NationalDataSet.LoadAsync(clients, connectionString,
                national with { Seed = national.Seed + 1 + i, Citizens = options.DataSetCitizens[i], ShiftWeeks = NationalDataSet.WeeksToFollowUpToday() });
            var largest = loaded.Partnerships.MaxBy(p => p.Citizens)!;
            var id = largest.Id.ToString();
            // The worklist is judged by the kommune's follow-up plan; setting one rebuilds the kept rows, read once built.
            await clients.Outcome.SetFollowUpPlanAsync(new SetFollowUpPlanRequest
            {
                PartnershipId = id,
                Plan = new FollowUpPlan { ContactIntervalWeeks = 4, StatusCheckpointMonths = { 3, 6, 12 }, NoContactDays = 30 },
            }, deadline: Deadlines.Call());
            await Database.WaitForCountAsync("the outcome service's kept worklists rebuilt after the follow-up plan", connectionString("outcome"),
                "SELECT (NOT EXISTS (SELECT 1 FROM kept_rebuilds))::int", 1, national.Patience);
            var worklist = await TimedAsync(options.Calls, async () =>
            {
                var page = await clients.Outcome.GetWorklistAsync(new GetWorklistRequest { PartnershipId = id, PageSize = WorklistPageSize },
                    deadline: Deadlines.Call());
                if (page.CitizensInFollowUp != largest.Citizens || page.Items.Count < Math.Min(WorklistPageSize, largest.Citizens))
                {
                    throw new InvalidOperationException(
                        $"The worklist counted {page.CitizensInFollowUp} citizens in follow-up with {page.Items.Count} items on its first page; the partnership holds {largest.Citizens}, all in follow-up with a contact overdue.");
                }
            });
            var report = await TimedAsync(options.Calls, async () =>
            {
                var answer = await clients.Outcome.GetCommitteeReportAsync(new GetCommitteeReportRequest { PartnershipId = id }, deadline: Deadlines.Call());
                if (answer.HandedOver != largest.Citizens)
                {
                    throw new InvalidOperationException($"The committee report counted {answer.HandedOver} citizens handed over; the partnership holds {largest.Citizens}.");
                }
            });
            results.Add(new ReadsAtSize(options.DataSetCitizens[i], largest.Citizens, worklist, report));
        }
        return results;
    }

    /// <summary>
    /// Fills a partnership with <see cref="Options.FillRows"/> citizens, then imports as many rows
    /// into it as into an empty partnership, each once the services are quiet. Citizens are
    /// numbered from <paramref name="firstCitizen"/> on.
    /// </summary>
    public static async Task<ImportResult> ImportAsync(LocalSuite suite, int firstCitizen, Options options, TimeSpan patience)
    {
        var clients = suite.Clients;
        var full = await ImportBenchmark.CreatePartnershipAsync(clients, $"benchmark-growth-full-{Guid.NewGuid():N}", options.FillRows + options.ImportRows);
        var fill = await ImportBenchmark.RunAsync(clients, options.FillRows, first: firstCitizen, partnershipId: full);
        await HandoverArrival.WaitAsync(suite.ConnectionString, full, fill.Accepted, patience);

        var empty = await ImportBenchmark.CreatePartnershipAsync(clients, $"benchmark-growth-empty-{Guid.NewGuid():N}", options.ImportRows);
        await CpuUse.WaitUntilServicesAreQuietAsync(suite);
        var intoEmpty = await ImportBenchmark.RunAsync(clients, options.ImportRows, first: firstCitizen + options.FillRows, partnershipId: empty);
        await HandoverArrival.WaitAsync(suite.ConnectionString, empty, intoEmpty.Accepted, patience);
        await CpuUse.WaitUntilServicesAreQuietAsync(suite);
        var intoFull = await ImportBenchmark.RunAsync(clients, options.ImportRows, first: firstCitizen + options.FillRows + options.ImportRows, partnershipId: full);
        await HandoverArrival.WaitAsync(suite.ConnectionString, full, fill.Accepted + intoFull.Accepted, patience);
        return new ImportResult(options.FillRows, intoFull, intoEmpty);
    }

    private static async Task<Latencies> TimedAsync(int calls, Func<Task> call)
    {
        // One unmeasured call compiles the server's query path for this partnership.
        await call();
        var latencies = new List<TimeSpan>(calls);
        for (var n = 0; n < calls; n++)
        {
            var started = Stopwatch.GetTimestamp();
            await call();
            latencies.Add(Stopwatch.GetElapsedTime(started));
        }
        return new Latencies(latencies);
    }
}
