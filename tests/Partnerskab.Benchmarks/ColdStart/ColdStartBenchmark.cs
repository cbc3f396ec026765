using System.Diagnostics;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Testing;

namespace Partnerskab.Benchmarks;

/// <summary>
/// What a restart costs (a rolling update restarts every process): each service stopped as an
/// orchestrator stops it and started again, the time from the process's start to its readiness,
/// and its first read against the same read once warm; then all three restarted at once and an
/// import sent the moment they are ready, against the same import once they have run it.
/// </summary>
public static class ColdStartBenchmark
{
    private const int WarmCalls = 50;

    public sealed record ServiceRestart(string Service, string Read, TimeSpan ToReady, double FirstCallMs, double SecondCallMs, double WarmMedianMs);

    public sealed record Result(IReadOnlyList<ServiceRestart> Restarts, TimeSpan AllToReady, ImportBenchmark.Result ColdImport, ImportBenchmark.Result WarmImport);

    /// <summary>Synthetic citizens from <paramref name="firstCitizen"/> on: a hundred to read, then the two imports' rows.</summary>
    public static async Task<Result> RunAsync(LocalSuite suite, int firstCitizen, int importRows, TimeSpan patience)
    {
        var clients = suite.Clients;
        var citizens = await ImportBenchmark.RunAsync(clients, 100, first: firstCitizen);
        await HandoverArrival.WaitAsync(suite.ConnectionString, citizens.PartnershipId, citizens.CitizenIds.Count, patience);
        var citizenId = citizens.CitizenIds[0];

        var reads = new (ServiceProcess Service, string Read, Func<Task> Call)[]
        {
            (suite.Cohort, "GetCitizen", () => clients.Cohort.GetCitizenAsync(
                new GetCitizenRequest { PartnershipId = citizens.PartnershipId, CitizenId = citizenId }, deadline: Deadlines.Call()).ResponseAsync),
            (suite.Outcome, "GetTimeline", () => clients.Outcome.GetTimelineAsync(
                new GetTimelineRequest { PartnershipId = citizens.PartnershipId, CitizenId = citizenId }, deadline: Deadlines.Call()).ResponseAsync),
            (suite.Payment, "GetPartnershipCost", () => clients.Payment.GetPartnershipCostAsync(
                new GetPartnershipCostRequest { PartnershipId = citizens.PartnershipId }, deadline: Deadlines.Call()).ResponseAsync),
        };
        var restarts = new List<ServiceRestart>();
        foreach (var (service, read, call) in reads)
        {
            // A client has made the read before the restart, as a real one has: the first call after it
            // is the service's first call over the client's new connection, not the harness's own JIT.
            await call();
            await service.TerminateAsync();
            var toReady = await TimedAsync(service.StartAsync);
            var first = await TimedAsync(call);
            var second = await TimedAsync(call);
            var warm = new List<TimeSpan>();
            for (var i = 0; i < WarmCalls; i++) warm.Add(await TimedAsync(call));
            restarts.Add(new(service.Name, read, toReady, first.TotalMilliseconds, second.TotalMilliseconds, new Latencies(warm).P50));
        }

        await Task.WhenAll(suite.Services.Select(s => s.TerminateAsync()));
        var allToReady = await TimedAsync(() => Task.WhenAll(suite.Services.Select(s => s.StartAsync())));
        var coldImport = await ImportBenchmark.RunAsync(clients, importRows, first: firstCitizen + 100);
        await HandoverArrival.WaitAsync(suite.ConnectionString, coldImport.PartnershipId, coldImport.CitizenIds.Count, patience);
        await CpuUse.WaitUntilQuietAsync(suite);
        var warmImport = await ImportBenchmark.RunAsync(clients, importRows, first: firstCitizen + 100 + importRows);
        await HandoverArrival.WaitAsync(suite.ConnectionString, warmImport.PartnershipId, warmImport.CitizenIds.Count, patience);
        return new Result(restarts, allToReady, coldImport, warmImport);
    }

    private static async Task<TimeSpan> TimedAsync(Func<Task> action)
    {
        var stopwatch = Stopwatch.StartNew();
        await action();
        return stopwatch.Elapsed;
    }
}
