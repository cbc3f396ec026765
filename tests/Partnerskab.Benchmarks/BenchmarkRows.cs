using Partnerskab.Testing;

namespace Partnerskab.Benchmarks;

/// <summary>How much each path is given: the full run (national sizes) or the quick form.</summary>
public sealed record BenchmarkSizes(
    int ImportRows, int StatusWeeks, MilestoneToLedgerBenchmark.Options Milestones, UnaryLoad.Options Unary,
    NationalDataSet.Options National, int ReportCalls, GrowthBenchmark.Options Growth, TimeSpan Patience)
{
    private static readonly TimeSpan FullPatience = TimeSpan.FromHours(2);
    private static readonly TimeSpan QuickPatience = TimeSpan.FromMinutes(5);

    /// <summary>100,000 citizens imported; 10 weeks each streamed (1,000,000 rows); the national data set.</summary>
    public static BenchmarkSizes Full { get; } = new(100_000, 10,
        new(ThroughputItems: 20_000, LatencyItemsAtMost: 20_000, LatencyDuration: TimeSpan.FromSeconds(60), FullPatience),
        new(Calls: 200_000, InFlight: 64, Connections: 4),
        new(Seed: 8, Partnerships: 98, Citizens: 100_000, WeeksPerCitizen: 100, FullPatience), ReportCalls: 1_000,
        new GrowthBenchmark.Options(DataSetCitizens: [100_000, 300_000], Calls: 1_000, FillRows: 100_000, ImportRows: 20_000), FullPatience);

    public static BenchmarkSizes Quick { get; } = new(2_000, 2,
        new(ThroughputItems: 500, LatencyItemsAtMost: 300, LatencyDuration: TimeSpan.FromSeconds(5), QuickPatience),
        new(Calls: 5_000, InFlight: 64, Connections: 4),
        new(Seed: 8, Partnerships: 4, Citizens: 400, WeeksPerCitizen: 10, QuickPatience), ReportCalls: 40,
        new GrowthBenchmark.Options(DataSetCitizens: [400, 1_200], Calls: 40, FillRows: 2_000, ImportRows: 400), QuickPatience);
}

/// <summary>Every path of the benchmark table and its ceiling, one after the other on one suite, each row reported as it is measured.</summary>
public static class BenchmarkRows
{
    /// <summary>The row groups, as named on the command line (--only).</summary>
    public static readonly string[] Names = ["import", "statuses", "milestones", "unary", "reports", "dashboard", "gateway", "growth", "cold"];

    /// <summary>
    /// Runs the row groups named in <paramref name="only"/> (all when empty); the weekly statuses,
    /// unary reads and gateway rows use the imported citizens, so they bring the import with them.
    /// </summary>
    public static async Task RunAsync(LocalSuite suite, BenchmarkSizes sizes, IReadOnlySet<string> only, Action<Measurement> report)
    {
        bool Wants(string row) => only.Count == 0 || only.Contains(row);
        if (Wants("import") || Wants("statuses") || Wants("unary") || Wants("gateway"))
        {
            await ImportStatusesAndReadsAsync(suite, sizes, Wants("statuses"), Wants("unary"), Wants("gateway"), report);
        }
        if (Wants("milestones")) await MilestonesAsync(suite, sizes, report);
        if (Wants("reports") || Wants("dashboard"))
        {
            // Reports over the national data set, loaded directly.
            var national = await NationalDataSet.LoadAsync(suite.Clients, suite.ConnectionString, sizes.National);
            var dataSet = $"{sizes.National.Citizens:N0} citizens in {sizes.National.Partnerships} partnerships, {national.WeeklyStatuses:N0} weekly statuses, {national.LedgerItems:N0} ledger items";
            if (Wants("reports")) await ReportsAsync(suite, sizes, national, dataSet, report);
            if (Wants("dashboard")) await DashboardAsync(suite, sizes, national, dataSet, report);
        }
        if (Wants("growth")) await GrowthAsync(suite, sizes, report);
    }

    /// <summary>
    /// The growth rows: the worklist page and the committee report at the largest partnership of
    /// data sets of each size, the ratio of the largest size's median to the smallest's, and an
    /// import into a partnership already holding many citizens against one into an empty one.
    /// </summary>
    private static async Task GrowthAsync(LocalSuite suite, BenchmarkSizes sizes, Action<Measurement> report)
    {
        var reads = await GrowthBenchmark.ReadsAsync(suite.Clients, suite.ConnectionString, sizes.National, sizes.Growth);
        foreach (var size in reads)
        {
            var where = $"largest partnership ({size.LargestPartnership:N0} citizens) of a {size.DataSetCitizens:N0}-citizen data set, {size.WorklistPage.Count:N0} calls";
            report(new Measurement($"growth: worklist first page of {GrowthBenchmark.WorklistPageSize} as of today, p99, {where}", size.WorklistPage.P99, "ms",
                null, null, GoalMaximum: 100));
            report(new Measurement($"growth: committee report, p99, {where}", size.CommitteeReport.P99, "ms", null, null, GoalMaximum: 100));
        }
        var (smallest, largest) = (reads[0], reads[^1]);
        var against = $"the median at the {smallest.LargestPartnership:N0}-citizen partnership";
        report(new Measurement($"growth: worklist page, median at the {largest.LargestPartnership:N0}-citizen partnership", largest.WorklistPage.P50, "ms",
            smallest.WorklistPage.P50, against, GoalShare: 0.50, LowerIsBetter: true));
        report(new Measurement($"growth: committee report, median at the {largest.LargestPartnership:N0}-citizen partnership", largest.CommitteeReport.P50, "ms",
            smallest.CommitteeReport.P50, against, GoalShare: 0.50, LowerIsBetter: true));

        var import = await GrowthBenchmark.ImportAsync(suite, firstCitizen: 8 * sizes.ImportRows, sizes.Growth, sizes.Patience);
        report(new Measurement($"growth: import of {import.IntoFull.Rows:N0} citizens into a partnership holding {import.FillRows:N0}", import.IntoFull.RowsPerSecond, "rows/s",
            import.IntoEmpty.RowsPerSecond, "the same import into an empty partnership", GoalShare: 0.90,
            CpuUse: $"into the full partnership: {import.IntoFullCpu}; into the empty one: {import.IntoEmptyCpu}"));
    }

    private static async Task ImportStatusesAndReadsAsync(LocalSuite suite, BenchmarkSizes sizes, bool statusRows, bool unaryRows, bool gatewayRows,
        Action<Measurement> report)
    {
        var clients = suite.Clients;

        // A warm-up import of a fifth as many citizens into a partnership of its own (citizens
        // numbered from twice the import's size, after the milestone row's), so the row measures
        // services that have run the path before: in fresh ones the JIT's background tiering
        // took a third of the services' CPU through the whole import (perf).
        var warmUp = await ImportBenchmark.RunAsync(clients, Math.Max(1, sizes.ImportRows / 5), first: 2 * sizes.ImportRows);
        await HandoverArrival.WaitAsync(suite.ConnectionString, warmUp.PartnershipId, warmUp.CitizenIds.Count, sizes.Patience);
        await CpuUse.WaitUntilQuietAsync(suite);

        // Cohort import, then weekly statuses for the same citizens once the outcome service knows them.
        var partnershipId = await ImportBenchmark.CreatePartnershipAsync(clients, $"benchmark-import-{Guid.NewGuid():N}", sizes.ImportRows,
            StatusStreamBenchmark.Milestones);
        var importCpu = await CpuUse.StartAsync(suite);
        var import = await ImportBenchmark.RunAsync(clients, sizes.ImportRows, partnershipId: partnershipId);
        var importCpuUse = importCpu.Stop();
        // The ceiling, and the rows after it, on a machine at rest: the import's events still
        // being consumed would share the cores with them.
        await HandoverArrival.WaitAsync(suite.ConnectionString, partnershipId, import.CitizenIds.Count, sizes.Patience);
        var citizenCopy = await CitizenCopyCeiling.RunAsync(suite.ConnectionString("cohort"), sizes.ImportRows);
        report(new Measurement($"cohort import, client-streaming gRPC, {sizes.ImportRows:N0} citizens",
            import.RowsPerSecond, "rows/s",
            sizes.ImportRows / citizenCopy.TotalSeconds, "Npgsql binary COPY of the same rows into a table like citizens",
            GoalShare: 0.40, CpuUse: importCpuUse));

        if (statusRows) await StatusesAsync(suite, sizes, partnershipId, import.CitizenIds, report);
        var reads = unaryRows ? await UnaryReadsAsync(suite, sizes, partnershipId, import.CitizenIds, report) : null;
        if (gatewayRows) await GatewayAsync(suite, sizes, import, reads, report);
    }

    /// <summary>
    /// The restart rows. They restart every service, so they run after the memory rows have read
    /// the peaks of the processes that ran the other rows.
    /// </summary>
    public static async Task ColdStartAsync(LocalSuite suite, BenchmarkSizes sizes, Action<Measurement> report)
    {
        var cold = await ColdStartBenchmark.RunAsync(suite, firstCitizen: 6 * sizes.ImportRows, importRows: Math.Max(1, sizes.ImportRows / 5), sizes.Patience);
        foreach (var restart in cold.Restarts)
        {
            report(new Measurement($"cold start: {restart.Service}, from the process's start to ready", restart.ToReady.TotalMilliseconds, "ms", null, null));
            report(new Measurement($"cold start: {restart.Service} {restart.Read}, the first call after the restart", restart.FirstCallMs, "ms",
                restart.WarmMedianMs, "the same read once warm, median of 50", GoalMaximum: 50, LowerIsBetter: true));
            report(new Measurement($"cold start: {restart.Service} {restart.Read}, the second call", restart.SecondCallMs, "ms",
                restart.WarmMedianMs, "the same read once warm, median of 50", LowerIsBetter: true));
        }
        report(new Measurement("cold start: the three services restarted at once, from their start to all ready", cold.AllToReady.TotalMilliseconds, "ms", null, null));
        report(new Measurement($"cold start: import of {cold.ColdImport.Rows:N0} citizens sent as the restarted services are ready", cold.ColdImport.RowsPerSecond, "rows/s",
            cold.WarmImport.RowsPerSecond, "the same import once the services have run it"));
    }

    /// <summary>
    /// The gateway's rows, each held against its gRPC row of the same run: GetCitizen as REST over
    /// HTTPS at the same load, and the same kind of citizens as the import, as a CSV job.
    /// </summary>
    private static async Task GatewayAsync(LocalSuite suite, BenchmarkSizes sizes, ImportBenchmark.Result import, UnaryLoad.Result? grpcReads,
        Action<Measurement> report)
    {
        await using var gateway = await LocalGateway.StartAsync(suite);
        var token = suite.TokenFor(LocalSuite.Operator);
        var load = $"{sizes.Unary.InFlight} in flight over {sizes.Unary.Connections} HTTP/2 connections, {sizes.Unary.Calls:N0} calls";
        grpcReads ??= await UnaryLoad.GetCitizenAsync(suite.Cohort.GrpcUrl, token, import.PartnershipId, import.CitizenIds, sizes.Unary);
        var restCpu = await CpuUse.StartAsync(suite, gateway.Process);
        var rest = await GatewayBenchmark.RestGetCitizenAsync(gateway, token, import.PartnershipId, import.CitizenIds, sizes.Unary);
        var restCpuUse = restCpu.Stop();
        report(new Measurement($"unary read, GetCitizen as REST/JSON through the gateway (TLS), {load}", rest.CallsPerSecond, "calls/s",
            grpcReads.CallsPerSecond, "the same reads as gRPC straight to the cohort service", GoalShare: 0.50, CpuUse: restCpuUse));
        report(new Measurement($"unary read, GetCitizen as REST/JSON through the gateway, p99 latency, {load}", rest.Latency.P99, "ms",
            grpcReads.Latency.P99, "the gRPC reads' p99", LowerIsBetter: true));

        // A warm-up job of a fifth as many citizens (numbered after the job's), as the import row has
        // its warm-up import: the row measures a gateway that has run the path before, not its JIT.
        var warmUpRows = Math.Max(1, sizes.ImportRows / 5);
        var warmUpPartnership = await ImportBenchmark.CreatePartnershipAsync(suite.Clients, $"benchmark-job-warm-up-{Guid.NewGuid():N}", warmUpRows);
        await GatewayBenchmark.CitizensJobAsync(gateway, token, warmUpPartnership, GatewayBenchmark.CitizensCsv(first: 4 * sizes.ImportRows, warmUpRows), sizes.Patience);
        await HandoverArrival.WaitAsync(suite.ConnectionString, warmUpPartnership, warmUpRows, sizes.Patience);

        var jobPartnership = await ImportBenchmark.CreatePartnershipAsync(suite.Clients, $"benchmark-job-{Guid.NewGuid():N}", sizes.ImportRows);
        var csv = GatewayBenchmark.CitizensCsv(first: 3 * sizes.ImportRows, sizes.ImportRows);
        await CpuUse.WaitUntilQuietAsync(suite);
        var jobCpu = await CpuUse.StartAsync(suite, gateway.Process);
        var job = await GatewayBenchmark.CitizensJobAsync(gateway, token, jobPartnership, csv, sizes.Patience);
        var jobCpuUse = jobCpu.Stop();
        if (job.Accepted != sizes.ImportRows) throw new InvalidOperationException($"The job accepted {job.Accepted} of {sizes.ImportRows} citizens.");
        report(new Measurement($"citizens CSV job through the gateway, {sizes.ImportRows:N0} rows, from the POST to the job's done", job.RowsPerSecond, "rows/s",
            import.RowsPerSecond, "the client-streaming gRPC import of as many citizens", GoalShare: 0.80, CpuUse: jobCpuUse));
    }

    private static async Task StatusesAsync(LocalSuite suite, BenchmarkSizes sizes, string partnershipId, IReadOnlyList<string> citizenIds,
        Action<Measurement> report)
    {
        var clients = suite.Clients;
        var statusCpu = await CpuUse.StartAsync(suite);
        var statuses = await StatusStreamBenchmark.RunAsync(clients, partnershipId, citizenIds, sizes.StatusWeeks, sizes.National.Seed);
        var statusCpuUse = statusCpu.Stop();
        var recountCpu = await CpuUse.StartAsync(suite);
        var recounted = await StatusStreamBenchmark.KeptReadsInStepAsync(suite.ConnectionString("outcome"));
        var recountCpuUse = recountCpu.Stop();
        var statusCopy = await StatusStreamBenchmark.CopyCeilingAsync(suite.ConnectionString("outcome"), partnershipId, citizenIds,
            sizes.StatusWeeks, sizes.National.Seed);
        report(new Measurement($"weekly statuses, client-streaming gRPC, {statuses.Rows:N0} rows ({citizenIds.Count:N0} citizens x {sizes.StatusWeeks} weeks)",
            statuses.RowsPerSecond, "rows/s",
            statuses.Rows / statusCopy.TotalSeconds, "Npgsql binary COPY of the same rows into a table like weekly_status_reports",
            GoalShare: 0.30, CpuUse: statusCpuUse));
        report(new Measurement("weekly statuses, the kept worklist and counts in step after the streams' end (their citizens recounted)",
            recounted.TotalSeconds, "s", null, null, CpuUse: recountCpuUse));
    }

    private static async Task MilestonesAsync(LocalSuite suite, BenchmarkSizes sizes, Action<Measurement> report)
    {
        var clients = suite.Clients;
        // Milestone event to ledger item, on citizens of its own.
        var milestones = await MilestoneToLedgerBenchmark.RunAsync(clients, suite.ConnectionString, TestEnvironment.RabbitMqPort, suite.RabbitMqVirtualHost,
            sizes.ImportRows, sizes.Milestones, () => CpuUse.StartAsync(suite));
        var rawRabbitMq = await RawRabbitMqCeiling.RunAsync(TestEnvironment.RabbitMqPort, milestones.ThroughputItems, milestones.MessageBytes);
        report(new Measurement($"milestone event to ledger item (outbox, RabbitMQ, inbox, ledger), {milestones.ThroughputItems:N0} items",
            milestones.ItemsPerSecond, "items/s",
            rawRabbitMq, $"RabbitMQ.Client 7 publish and consume of a message per item, {milestones.MessageBytes:N0} bytes (a one-milestone event): confirms, persistent, durable queue, manual acks",
            GoalShare: 0.50, CpuUse: milestones.ThroughputCpuUse));
        report(new Measurement($"milestone event to ledger item, p50 latency at {milestones.LatencyRate:N0} items/s ({milestones.Latency.Count:N0} items)",
            milestones.Latency.P50, "ms", null, null));
        report(new Measurement($"milestone event to ledger item, p99 latency at {milestones.LatencyRate:N0} items/s ({milestones.Latency.Count:N0} items)",
            milestones.Latency.P99, "ms", null, null, GoalMaximum: 1000));
    }

    private static async Task<UnaryLoad.Result> UnaryReadsAsync(LocalSuite suite, BenchmarkSizes sizes, string partnershipId, IReadOnlyList<string> citizenIds,
        Action<Measurement> report)
    {
        // Unary reads against the near-empty health check, on the cohort service.
        var token = suite.TokenFor(LocalSuite.Operator);
        var readCpu = await CpuUse.StartAsync(suite);
        var reads = await UnaryLoad.GetCitizenAsync(suite.Cohort.GrpcUrl, token, partnershipId, citizenIds, sizes.Unary);
        var readCpuUse = readCpu.Stop();
        var health = await UnaryLoad.HealthCheckAsync(suite.Cohort.GrpcUrl, token, sizes.Unary);
        var load = $"{sizes.Unary.InFlight} in flight over {sizes.Unary.Connections} HTTP/2 connections, {sizes.Unary.Calls:N0} calls";
        report(new Measurement($"unary read, cohort GetCitizen, {load}", reads.CallsPerSecond, "calls/s",
            health.CallsPerSecond, "grpc.health.v1 Check on the same server and connections", GoalShare: 0.50, CpuUse: readCpuUse));
        report(new Measurement($"unary read, cohort GetCitizen, p99 latency, {load}", reads.Latency.P99, "ms",
            health.Latency.P99, "grpc.health.v1 Check's p99", LowerIsBetter: true));
        return reads;
    }

    private static async Task ReportsAsync(LocalSuite suite, BenchmarkSizes sizes, NationalDataSet.Loaded national, string dataSet, Action<Measurement> report)
    {
        foreach (var result in await ReportBenchmark.RunAsync(suite.Clients, national.Partnerships, sizes.ReportCalls))
        {
            report(new Measurement($"{result.Name}, p50, {dataSet}", result.Latency.P50, "ms", null, null));
            report(new Measurement($"{result.Name}, p99, {dataSet}", result.Latency.P99, "ms", null, null, GoalMaximum: 100));
        }
    }

    /// <summary>The committee's dashboard of the largest partnership, from a real portal process, and that process's peak memory.</summary>
    private static async Task DashboardAsync(LocalSuite suite, BenchmarkSizes sizes, NationalDataSet.Loaded national, string dataSet, Action<Measurement> report)
    {
        var largest = national.Partnerships.MaxBy(p => p.Citizens)!;
        var dashboard = await DashboardBenchmark.RunAsync(suite, largest, sizes.ReportCalls);
        var what = $"portal dashboard (committee, signed in, HTTPS) of the largest partnership ({largest.Citizens:N0} citizens), {dashboard.Latency.Count:N0} calls "
            + $"one at a time over {DashboardBenchmark.AsOfDates.Count} as-of dates, {dataSet}";
        report(new Measurement($"{what}, p50", dashboard.Latency.P50, "ms", null, null));
        report(new Measurement($"{what}, p95", dashboard.Latency.P95, "ms", null, null, GoalMaximum: 300, CpuUse: dashboard.CpuUse));
        report(new Measurement("memory: portal, through the dashboard row", dashboard.PeakResidentMegabytes, "MB peak RSS", null, null, GoalMaximum: 300));
    }
}
