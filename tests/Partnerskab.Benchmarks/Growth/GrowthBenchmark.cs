using System.Diagnostics;
using System.Globalization;
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

    /// <param name="IntoFull">The import into the full partnership, its halves' rows and times summed; its CPU in <paramref name="IntoFullCpu"/>.</param>
    public sealed record ImportResult(int FillRows, ImportBenchmark.Result IntoFull, ImportBenchmark.Result IntoEmpty, string IntoFullCpu, string IntoEmptyCpu);

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
    /// into it as into an empty partnership, each in two halves in the order empty, full, full,
    /// empty, so that what drifts over the minutes (the machine's other load, PostgreSQL's
    /// autovacuum after the fill, the services' heaps) weighs on both alike. Each half starts once
    /// the one before has reached both consumers and the services and PostgreSQL are quiet.
    /// Citizens are numbered from <paramref name="firstCitizen"/> on.
    /// </summary>
    public static async Task<ImportResult> ImportAsync(LocalSuite suite, int firstCitizen, Options options, TimeSpan patience)
    {
        var clients = suite.Clients;
        var full = await ImportBenchmark.CreatePartnershipAsync(clients, $"benchmark-growth-full-{Guid.NewGuid():N}", options.FillRows + options.ImportRows);
        var fill = await ImportBenchmark.RunAsync(clients, options.FillRows, first: firstCitizen, partnershipId: full);
        await HandoverArrival.WaitAsync(suite.ConnectionString, full, fill.Accepted, patience);
        var empty = await ImportBenchmark.CreatePartnershipAsync(clients, $"benchmark-growth-empty-{Guid.NewGuid():N}", options.ImportRows);

        var next = firstCitizen + options.FillRows;
        var intoFull = new ImportHalves(suite, "full", full, fill.Accepted);
        var intoEmpty = new ImportHalves(suite, "empty", empty, 0);
        var first = options.ImportRows / 2;
        foreach (var (into, rows) in new[] { (intoEmpty, first), (intoFull, first), (intoFull, options.ImportRows - first), (intoEmpty, options.ImportRows - first) })
        {
            await into.RunAsync(rows, next, patience);
            next += rows;
        }
        return new ImportResult(options.FillRows, intoFull.Result, intoEmpty.Result, intoFull.Cpu, intoEmpty.Cpu);
    }

    /// <summary>One partnership's measured import, run in parts: the rows and stream times summed, and the CPU each process used from each stream's start until its citizens reached both consumers.</summary>
    private sealed class ImportHalves(LocalSuite suite, string name, string partnershipId, int citizensBefore)
    {
        private readonly List<ImportBenchmark.Result> parts = [];
        private CpuUse? cpu;

        public ImportBenchmark.Result Result => new(partnershipId, parts.Sum(p => p.Rows), parts.Sum(p => p.Accepted), parts.Sum(p => p.Rejected),
            [.. parts.SelectMany(p => p.CitizenIds)], parts.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Elapsed));

        public string Cpu => cpu?.Stop() ?? "";

        public async Task RunAsync(int rows, int first, TimeSpan patience)
        {
            await CpuUse.WaitUntilQuietAsync(suite);
            if (cpu is null) cpu = await CpuUse.StartAsync(suite);
            else cpu.Resume();
            var part = await ImportBenchmark.RunAsync(suite.Clients, rows, first, partnershipId);
            parts.Add(part);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{DateTime.UtcNow:HH:mm:ss}] growth: {rows:N0} rows into the {name} partnership at {part.RowsPerSecond:N0} rows/s"));
            // The CPU is counted until the stream's last batch has reached both consumers, found by key; the
            // count of all of the partnership's citizens, which grows with it, comes after the window.
            await HandoverArrival.WaitAsync(suite.ConnectionString, partnershipId, part.CitizenIds.TakeLast(1000).ToList(), patience);
            cpu.Pause();
            await HandoverArrival.WaitAsync(suite.ConnectionString, partnershipId, citizensBefore + parts.Sum(p => p.Accepted), patience);
        }
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
