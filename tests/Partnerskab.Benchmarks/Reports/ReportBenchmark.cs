using System.Diagnostics;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;

namespace Partnerskab.Benchmarks;

/// <summary>
/// Report RPCs over the national data set, called one at a time, cycling through its
/// partnerships (so the large kommuner weigh in as often as the small); each answer is checked
/// against what the data set holds for the partnership. One entry per report.
/// </summary>
public static class ReportBenchmark
{
    /// <summary>A report: its name, and a call for one partnership that answers how many of the partnership's records it covered, with what the data set says it should.</summary>
    public sealed record Report(string Name, Func<SuiteClients, NationalDataSet.Partnership, Task<long>> CallAsync, Func<NationalDataSet.Partnership, long> Expected);

    /// <summary>The reports measured: the cost report, and the committee report with its citizens by status per month.</summary>
    public static readonly IReadOnlyList<Report> Reports =
    [
        new("cost report (payment GetPartnershipCost)",
            async (suite, partnership) => (await suite.Payment.GetPartnershipCostAsync(
                new GetPartnershipCostRequest { PartnershipId = partnership.Id.ToString() }, deadline: Deadlines.Call())).LedgerItems,
            partnership => (long)partnership.Citizens * NationalDataSet.LedgerItemsPerCitizen),
        new("monthly status report (outcome GetCommitteeReport)",
            async (suite, partnership) => ReportedAtThreeMonths(await suite.Outcome.GetCommitteeReportAsync(
                new Protos.Outcome.V1.GetCommitteeReportRequest { PartnershipId = partnership.Id.ToString() }, deadline: Deadlines.Call())),
            partnership => partnership.ReportedAt(3)),
    ];

    /// <summary>The citizens the report found a status for at 3 months, if it counted every citizen of the data set as handed over and reached by then.</summary>
    private static long ReportedAtThreeMonths(Protos.Outcome.V1.GetCommitteeReportResponse report)
    {
        var atThree = report.SelfSufficiency.Single(s => s.Months == 3);
        return atThree.Reached == report.HandedOver ? atThree.Reached - atThree.NotReported : -1;
    }

    public sealed record Result(string Name, int Calls, Latencies Latency);

    public static async Task<IReadOnlyList<Result>> RunAsync(SuiteClients suite, IReadOnlyList<NationalDataSet.Partnership> partnerships, int calls)
    {
        var results = new List<Result>();
        foreach (var report in Reports)
        {
            // One unmeasured pass compiles the server's query path and warms its caches for every partnership.
            foreach (var partnership in partnerships) await CheckedCallAsync(suite, report, partnership);
            var latencies = new List<TimeSpan>(calls);
            for (var n = 0; n < calls; n++)
            {
                var started = Stopwatch.GetTimestamp();
                await CheckedCallAsync(suite, report, partnerships[n % partnerships.Count]);
                latencies.Add(Stopwatch.GetElapsedTime(started));
            }
            results.Add(new Result(report.Name, calls, new Latencies(latencies)));
        }
        return results;
    }

    private static async Task CheckedCallAsync(SuiteClients suite, Report report, NationalDataSet.Partnership partnership)
    {
        var covered = await report.CallAsync(suite, partnership);
        if (covered != report.Expected(partnership))
        {
            throw new InvalidOperationException($"{report.Name} for partnership {partnership.Id} covered {covered} records; the data set holds {report.Expected(partnership)}.");
        }
    }
}
