using Partnerskab.Benchmarks;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Testing;
using Shouldly;

namespace Partnerskab.EndToEnd.Tests;

/// <summary>
/// The benchmark's paths at small sizes, so the harness cannot rot unnoticed. Nothing here is
/// about time: the figures come from tests/bench.sh. The suite's per-caller limit (200 calls a
/// second, bursts of 400) stays on, so the sizes keep well below it.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class BenchmarkPathTests(SuiteFixture suite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task The_import_and_weekly_status_benchmarks_and_their_COPY_ceilings_run_end_to_end()
    {
        var import = await ImportBenchmark.RunAsync(suite.Clients, 300);
        import.Accepted.ShouldBe(300);
        import.Rejected.ShouldBe(0);
        import.CitizenIds.Distinct().Count().ShouldBe(300);
        (await CitizenCopyCeiling.RunAsync(suite.ConnectionString("cohort"), 300)).ShouldBeGreaterThan(TimeSpan.Zero);

        await HandoverArrival.WaitAsync(suite.ConnectionString, import.PartnershipId, 300, Patience);
        // The growth row's wait counts a stream's citizens by key: a wrong column or key would time out here.
        await HandoverArrival.WaitAsync(suite.ConnectionString, import.PartnershipId, import.CitizenIds, Patience);
        var statuses = await StatusStreamBenchmark.RunAsync(suite.Clients, import.PartnershipId, import.CitizenIds, weeks: 2, seed: 8);
        statuses.Rows.ShouldBe(600);
        statuses.Accepted.ShouldBe(600);
        statuses.Rejected.ShouldBe(0);
        // Waits on the outcome service's own table of citizens to recount: a wrong name would fail here.
        (await StatusStreamBenchmark.KeptReadsInStepAsync(suite.ConnectionString("outcome"))).ShouldBeLessThan(Patience);
        (await StatusStreamBenchmark.CopyCeilingAsync(suite.ConnectionString("outcome"), import.PartnershipId, import.CitizenIds, 2, 8))
            .ShouldBeGreaterThan(TimeSpan.Zero);
    }

    [Fact]
    public async Task The_milestone_to_ledger_benchmark_and_its_raw_RabbitMQ_ceiling_run_end_to_end()
    {
        var result = await MilestoneToLedgerBenchmark.RunAsync(suite.Clients, suite.ConnectionString, TestEnvironment.RabbitMqPort, suite.RabbitMqVirtualHost, 1_000,
            new MilestoneToLedgerBenchmark.Options(ThroughputItems: 100, LatencyItemsAtMost: 20, LatencyDuration: TimeSpan.FromSeconds(2), Patience));
        result.ThroughputItems.ShouldBe(100);
        result.ItemsPerSecond.ShouldBeGreaterThan(0);
        result.MessageBytes.ShouldBeGreaterThan(100);
        result.Latency.Count.ShouldBeInRange(1, 20);
        result.Latency.P50.ShouldBeGreaterThan(0);

        (await RawRabbitMqCeiling.RunAsync(TestEnvironment.RabbitMqPort, 200, result.MessageBytes)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_unary_read_load_and_its_health_check_ceiling_check_every_answer()
    {
        var import = await ImportBenchmark.RunAsync(suite.Clients, 20, first: 2_000);
        var token = suite.TokenFor(LocalSuite.Operator);
        var options = new UnaryLoad.Options(Calls: 100, InFlight: 8, Connections: 2);

        var reads = await UnaryLoad.GetCitizenAsync(suite.Cohort.GrpcUrl, token, import.PartnershipId, import.CitizenIds, options);
        reads.Calls.ShouldBe(100);
        reads.Latency.Count.ShouldBe(100);
        var health = await UnaryLoad.HealthCheckAsync(suite.Cohort.GrpcUrl, token, options);
        health.Latency.Count.ShouldBe(100);

        // A call that fails ends the run instead of being counted: a citizen the partnership does not hold.
        await Should.ThrowAsync<Grpc.Core.RpcException>(() =>
            UnaryLoad.GetCitizenAsync(suite.Cohort.GrpcUrl, token, import.PartnershipId, [new string('0', 32)], options));
    }

    [Fact]
    public async Task The_gateway_rows_read_citizens_over_rest_and_run_a_citizens_csv_job_checking_every_answer()
    {
        var import = await ImportBenchmark.RunAsync(suite.Clients, 20, first: 4_000);
        await using var gateway = await suite.StartGatewayAsync();
        var token = suite.TokenFor(LocalSuite.Operator);
        var options = new UnaryLoad.Options(Calls: 100, InFlight: 8, Connections: 2);

        var reads = await GatewayBenchmark.RestGetCitizenAsync(gateway, token, import.PartnershipId, import.CitizenIds, options);
        reads.Calls.ShouldBe(100);
        reads.Latency.Count.ShouldBe(100);
        await Should.ThrowAsync<InvalidOperationException>(() =>
            GatewayBenchmark.RestGetCitizenAsync(gateway, token, import.PartnershipId, [new string('0', 32)], options));

        var partnershipId = await ImportBenchmark.CreatePartnershipAsync(suite.Clients, $"benchmark-job-{Guid.NewGuid():N}", 300);
        var job = await GatewayBenchmark.CitizensJobAsync(gateway, token, partnershipId, GatewayBenchmark.CitizensCsv(first: 5_000, 300), Patience);
        job.Rows.ShouldBe(300);
        job.Accepted.ShouldBe(300);
    }

    [Fact]
    public async Task The_national_data_set_loads_deterministically_and_the_cost_report_covers_it()
    {
        var options = new NationalDataSet.Options(Seed: 8, Partnerships: 3, Citizens: 30, WeeksPerCitizen: 4, Patience);
        var loaded = await NationalDataSet.LoadAsync(suite.Clients, suite.ConnectionString, options);
        loaded.Partnerships.Sum(p => p.Citizens).ShouldBe(30);
        loaded.Partnerships.Select(p => p.Citizens).ShouldBeInOrder(SortDirection.Descending);
        var ids = loaded.Partnerships.Select(p => p.Id).ToArray();
        (await Database.ScalarAsync(suite.ConnectionString("outcome"), "SELECT count(*) FROM weekly_status_reports WHERE partnership_id = ANY($1)", [ids]))
            .ShouldBe(loaded.WeeklyStatuses);
        loaded.WeeklyStatuses.ShouldBe(120);
        (await Database.ScalarAsync(suite.ConnectionString("payment"), "SELECT count(*) FROM ledger_items WHERE partnership_id = ANY($1)", [ids]))
            .ShouldBe(loaded.LedgerItems);
        loaded.LedgerItems.ShouldBe(300);
        StatusSequences.For(8, 7).Take(100).ShouldBe(StatusSequences.For(8, 7).Take(100));

        // The report benchmark itself checks every answer against the partnership's share of the data set.
        var reports = await ReportBenchmark.RunAsync(suite.Clients, loaded.Partnerships, calls: 6);
        reports.Select(r => r.Name).ShouldBe(ReportBenchmark.Reports.Select(r => r.Name));
        reports.ShouldAllBe(r => r.Latency.Count == 6);
    }

    [Fact]
    public async Task The_growth_reads_run_at_the_largest_partnership_of_data_sets_of_two_sizes()
    {
        // Seeds after 8, so these data sets do not collide with the national one above.
        var national = new NationalDataSet.Options(Seed: 8, Partnerships: 2, Citizens: 0, WeeksPerCitizen: 4, Patience);
        var reads = await GrowthBenchmark.ReadsAsync(suite.Clients, suite.ConnectionString, national,
            new GrowthBenchmark.Options(DataSetCitizens: [10, 30], Calls: 3, FillRows: 0, ImportRows: 0));

        // The benchmark itself checks each answer's citizens against the partnership's.
        reads.Select(r => (r.DataSetCitizens, r.LargestPartnership)).ShouldBe([(10, NationalDataSet.Sizes(2, 10)[0]), (30, NationalDataSet.Sizes(2, 30)[0])]);
        reads.ShouldAllBe(r => r.WorklistPage.Count == 3 && r.CommitteeReport.Count == 3);
    }
}
