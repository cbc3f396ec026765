using System.Diagnostics;
using Partnerskab.Contracts;
using Partnerskab.FaultTests.Infrastructure;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing.Load;
using RabbitMQ.Client;
using Shouldly;
using Xunit.Abstractions;

namespace Partnerskab.FaultTests;

/// <summary>
/// Two processes of each service on ports of their own against one database per service (on a PostgreSQL primary with a
/// synchronous standby) and a RabbitMQ cluster of three nodes with quorum queues (<see cref="FaultSuite.ReplicasAsync"/>):
/// they share the work, what one instance does the other never does twice, and losing an instance, a broker node or the
/// database's primary loses and doubles nothing.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class ReplicaTests(FaultSuite faults, ITestOutputHelper output)
{
    private static readonly LoadOptions Load = new(Rounds: 2, CitizensPerRound: 3, CallsPerSecond: 8);

    /// <summary>Longer than <see cref="Load"/>, so that calls are answered before, during and well after a failover.</summary>
    private static readonly LoadOptions FailoverLoad = new(Rounds: 6, CitizensPerRound: 3, CallsPerSecond: 8);
    private static readonly string[] ServiceNames = ["cohort", "outcome", "payment"];

    [Fact]
    public async Task Two_payment_instances_running_invoice_runs_of_one_issuer_at_once_number_without_gap_and_invoice_nothing_twice()
    {
        const int partnerships = 6, citizensEach = 2;
        var suite = await faults.ReplicasAsync();
        using var second = suite.ClientsFor(LocalSuite.Operator, 1);
        // Partnerships of one provider (one issuer, one number series), each with handover fees waiting to be invoiced.
        var drivers = new List<LoadDriver>();
        for (var p = 0; p < partnerships; p++)
        {
            var driver = new LoadDriver(suite.Clients, new LoadOptions(Rounds: 1, CitizensPerRound: citizensEach, CallsPerSecond: 50), TimeSpan.FromMinutes(2));
            await driver.PrepareAsync($"invoices-{p}-{Guid.NewGuid():N}");
            for (var n = 0; n < citizensEach; n++) await driver.HandOverAsync(n);
            drivers.Add(driver);
        }
        foreach (var driver in drivers) await LedgerAsync(suite, driver.PartnershipId, citizensEach);
        var numberedBefore = (long)(await FaultSuite.SqlAsync(suite, "payment", "SELECT count(*) FROM invoices"))!;

        // Every partnership's January run through both instances at once, all partnerships at once.
        var runs = drivers.Select(d => Task.WhenAll(new[] { suite.Clients, second }.Select(clients => RunJanuaryAsync(clients, d.PartnershipId)))).ToList();
        var answers = await Task.WhenAll(runs);

        foreach (var (pair, driver) in answers.Zip(drivers))
        {
            pair.Count(a => a.Created).ShouldBe(1, "one instance ran the period, the other answered with its documents");
            pair[0].Documents.Select(d => d.Number).ShouldBe(pair[1].Documents.Select(d => d.Number));
            var invoiced = pair[0].Documents.SelectMany(d => d.Lines).Select(l => l.LedgerItemId).Order().ToList();
            var ledger = (await LedgerAsync(suite, driver.PartnershipId, citizensEach)).Select(i => i.ItemId).Order().ToList();
            invoiced.ShouldBe(ledger, "every fee of the partnership on its invoice, once");
        }
        var numbers = answers.SelectMany(pair => pair[0].Documents).Select(d => d.Number).Order().ToList();
        numbers.ShouldBe(Enumerable.Range((int)numberedBefore + 1, partnerships).Select(n => (long)n),
            "the issuer's next numbers, each once, none skipped");
        var violations = await FaultSuite.SettleAndCheckAsync(suite, faults.Cluster);
        violations.ShouldBeEmpty(string.Join('\n', violations));
    }

    [Fact]
    public async Task Two_instances_of_each_service_share_the_calls_the_queues_and_the_outbox_and_send_each_row_once_in_order()
    {
        var suite = await faults.ReplicasAsync();
        var consumers = await faults.Cluster.ConsumerCountsAsync("/");
        foreach (var queue in ConsumerQueues.All) consumers.GetValueOrDefault(queue).ShouldBe(2, $"{queue}: one consumer per instance");

        var lastSequence = new Dictionary<string, long>();
        foreach (var service in ServiceNames)
        {
            lastSequence[service] = (long)(await FaultSuite.SqlAsync(suite, service, "SELECT coalesce(max(sequence), 0) FROM outbox_messages"))!;
        }
        await using var broker = await FaultSuite.ConnectAsync(faults.Cluster);
        await using var tap = await broker.CreateChannelAsync();
        var tapQueue = await TapEveryEventAsync(tap);
        var followUpCalls = suite.Cohorts.Select(CountFollowUpCalls).ToList();

        // A load through each instance's public API at once, so each instance writes and relays.
        using var second = suite.ClientsFor(LocalSuite.Operator, 1);
        var (reports, took) = await RunLoadsAsync(suite.Clients, second);
        reports.Sum(r => r.HandedOver).ShouldBe(2 * Load.Rounds * Load.CitizensPerRound);
        var violations = await FaultSuite.SettleAndCheckAsync(suite, faults.Cluster);
        violations.ShouldBeEmpty(string.Join('\n', violations));
        output.WriteLine($"two loads over two instances each: {took.TotalSeconds:0.0} s, {reports.Sum(r => r.Retries)} client retries");

        var served = suite.Cohorts.Select((c, i) => CountFollowUpCalls(c) - followUpCalls[i]).ToList();
        output.WriteLine($"GetFollowUpStatus answered per cohort instance: {string.Join(", ", served)}");
        served.ShouldAllBe(n => n > 0, "the outcome instances spread their calls over both cohort instances");

        var published = new List<string>();
        while (await tap.BasicGetAsync(tapQueue, autoAck: true) is { } delivery) published.Add(delivery.BasicProperties.MessageId!);
        published.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("no outbox row published twice");
        var sent = new List<string>();
        foreach (var service in ServiceNames)
        {
            var rows = await FaultSuite.SqlAsync(suite, service,
                $"SELECT string_agg(message_id::text, ',') FROM outbox_messages WHERE sequence > {lastSequence[service]}");
            sent.AddRange(rows is string ids ? ids.Split(',') : []);
            // A citizen's events are written one after another under the citizen's lock, so they commit in
            // sequence order; taken in turns, the relays send them so: no row of a citizen is marked sent
            // after a later row of the same citizen. (Concurrent writes for different citizens may commit
            // out of sequence order, and then leave in the order they became visible.) A row names its citizen,
            // or several citizens in a batch event (the citizens of a handover batch).
            var citizenRows = $"""
                WITH citizen_rows AS (
                    SELECT o.sequence, o.sent_at, o.body->'partnershipId' AS partnership_id, coalesce(c.value->'citizenId', o.body->'citizenId') AS citizen_id
                    FROM outbox_messages o
                    LEFT JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(o.body->'citizens') = 'array' THEN o.body->'citizens' END) c ON true
                    WHERE o.sequence > {lastSequence[service]})
                """;
            (await FaultSuite.SqlAsync(suite, service, $"""
                {citizenRows}
                SELECT count(*) FROM citizen_rows a JOIN citizen_rows b ON b.sequence > a.sequence AND b.citizen_id = a.citizen_id
                WHERE a.sent_at > b.sent_at
                """)).ShouldBe(0L, $"{service}'s relays sent a citizen's rows out of sequence order");
            if (service == "cohort")
            {
                // The two loads hand the same people over, each to a partnership of its own.
                (await FaultSuite.SqlAsync(suite, service,
                        $"{citizenRows} SELECT count(DISTINCT (partnership_id, citizen_id)) FROM citizen_rows WHERE citizen_id IS NOT NULL"))
                    .ShouldBe((long)reports.Sum(r => r.HandedOver), "the check above saw every handed-over citizen's rows");
            }
        }
        published.Order().ShouldBe(sent.Order(), "every row the outboxes sent reached the broker, once");
    }

    [Fact]
    public Task Killing_one_instance_of_each_service_in_turn_mid_load_loses_and_doubles_nothing() =>
        // The load goes through the first instances; the second instance of each service is killed and restarted.
        UnderLoadAsync("one instance of each service killed in turn", async suite =>
        {
            var outages = new List<(DateTime Began, DateTime Ended)>();
            foreach (var instance in new[] { suite.Cohorts[1], suite.Outcomes[1], suite.Payments[1] })
            {
                outages.Add(await FaultSuite.OutageAsync(instance.KillAsync, instance.StartAsync, after: TimeSpan.FromSeconds(1), outage: TimeSpan.FromSeconds(3)));
            }
            return (outages[0].Began, outages[^1].Ended);
        });

    [Fact]
    public async Task Killing_a_broker_node_mid_load_and_bringing_it_back_loses_and_doubles_nothing()
    {
        await faults.ReplicasAsync();
        var queues = await faults.Cluster.QueueKindsAsync("/");
        foreach (var queue in ConsumerQueues.All) queues.GetValueOrDefault(queue).ShouldBe(("quorum", true), queue);

        // Node 1 is the address the services were given first, so most of their connections are on it.
        await UnderLoadAsync("broker node 1 of 3 killed", _ => FaultSuite.OutageAsync(
            () => faults.Cluster.KillNodeAsync(1), () => faults.Cluster.RestartNodeAsync(1), after: TimeSpan.FromSeconds(2), outage: TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Failing_the_database_over_mid_load_loses_no_commit_and_counts_nothing_twice()
    {
        var suite = await faults.ReplicasAsync();
        (await FaultSuite.SqlAsync(suite, "payment", "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'"))
            .ShouldBe(1L, "the primary waits for its standby on every commit");
        try
        {
            // The pause before the promotion stands for a failover manager noticing the loss; the load runs on throughout,
            // long enough for a stretch after the suite is back.
            await UnderLoadAsync("PostgreSQL primary killed (SIGKILL), standby promoted 2 s later", _ => FaultSuite.OutageAsync(
                faults.Database.KillPrimaryAsync, faults.Database.PromoteStandbyAsync, after: TimeSpan.FromSeconds(3), outage: TimeSpan.FromSeconds(2)),
                FailoverLoad);
        }
        finally
        {
            // The old primary becomes the new one's synchronous standby, so that the pair can fail over again.
            await faults.Database.RebuildStandbyAsync();
        }
        (await FaultSuite.SqlAsync(suite, "payment", "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'")).ShouldBe(1L);
    }

    /// <summary>
    /// A load on a partnership of its own with the fault beside it; then every citizen, milestone, revocation and ledger item
    /// arrived once and every invariant holds. Prints what the fault did to the load's latency and throughput.
    /// </summary>
    private async Task UnderLoadAsync(string fault, Func<LocalSuite, Task<(DateTime Began, DateTime Ended)>> inject, LoadOptions? options = null)
    {
        var load = options ?? Load;
        var suite = await faults.ReplicasAsync();
        var driver = new LoadDriver(suite.Clients, load, patience: TimeSpan.FromMinutes(4));
        await driver.PrepareAsync($"replica-fault-{Guid.NewGuid():N}");
        var preparing = driver.Calls.Count; // Setting the partnership up is not part of the load the fault meets.
        var clock = Stopwatch.StartNew();
        var running = driver.RunAsync();
        var (began, ended) = await inject(suite);
        var report = await running;
        output.WriteLine($"load with {fault}: {clock.Elapsed.TotalSeconds:0.0} s, {report}");
        output.WriteLine(FaultImpact.Measure([.. driver.Calls.Skip(preparing)], began, ended).ToString());

        var citizens = load.Rounds * load.CitizensPerRound;
        report.HandedOver.ShouldBe(citizens);
        report.ClaimsVerified.ShouldBe(citizens);
        var violations = await FaultSuite.SettleAndCheckAsync(suite, faults.Cluster);
        violations.ShouldBeEmpty(string.Join('\n', violations));
        var ledger = await LedgerAsync(suite, driver.PartnershipId, 2 * citizens + load.Rounds);
        ledger.Count.ShouldBe(2 * citizens + load.Rounds, "one handover fee and one milestone payment per citizen, one credit per revocation");
        ledger.Sum(i => i.AmountOre).ShouldBe((citizens * (ThinSlice.HandoverFeeOre + ThinSlice.JobStartPriceOre)) - (load.Rounds * ThinSlice.JobStartPriceOre));
    }

    /// <summary>One load driver per client set, run side by side; their reports and how long the slower took.</summary>
    private static async Task<(LoadReport[] Reports, TimeSpan Took)> RunLoadsAsync(params SuiteClients[] clients)
    {
        var drivers = new List<LoadDriver>();
        foreach (var c in clients)
        {
            var driver = new LoadDriver(c, Load, patience: TimeSpan.FromMinutes(4));
            await driver.PrepareAsync($"replicas-{Guid.NewGuid():N}");
            drivers.Add(driver);
        }
        var clock = Stopwatch.StartNew();
        var reports = await Task.WhenAll(drivers.Select(d => d.RunAsync()));
        return (reports, clock.Elapsed);
    }

    /// <summary>
    /// A queue bound to the exchange of every event of the contracts, declared as MassTransit declares it ("Namespace:Type",
    /// durable fanout) for the events no consumer has made it for yet. Consumer queues have exchanges of their own, bound
    /// behind these, which the tap leaves out so that nothing is counted twice.
    /// </summary>
    private static async Task<string> TapEveryEventAsync(IChannel channel)
    {
        var queue = (await channel.QueueDeclareAsync($"replica-tap-{Guid.NewGuid():N}", durable: false, exclusive: true, autoDelete: true)).QueueName;
        var events = typeof(ConsumerQueues).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, Namespace: "Partnerskab.Contracts.Cohort" or "Partnerskab.Contracts.Outcome" or "Partnerskab.Contracts.Payment" });
        foreach (var type in events)
        {
            var exchange = $"{type.Namespace}:{type.Name}";
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueBindAsync(queue, exchange, routingKey: "");
        }
        return queue;
    }

    /// <summary>The GetFollowUpStatus calls a cohort instance has logged (its request log is on in the replica suite).</summary>
    private static int CountFollowUpCalls(ServiceProcess cohort) =>
        cohort.Output.Count(line => line.Contains("Request starting", StringComparison.Ordinal) && line.Contains("/GetFollowUpStatus", StringComparison.Ordinal));

    private static Task<RunInvoicesResponse> RunJanuaryAsync(SuiteClients clients, string partnershipId) =>
        InvoiceRuns.OnceRegisteredAsync(() => clients.Payment.RunInvoicesAsync(new RunInvoicesRequest
        {
            PartnershipId = partnershipId, PeriodStart = ThinSlice.Day(2024, 1, 1), IssueDate = ThinSlice.Day(2024, 2, 1),
        }, deadline: DateTime.UtcNow.AddSeconds(60)).ResponseAsync, TimeSpan.FromMinutes(1));

    /// <summary>The partnership's ledger once it holds at least that many items (events reach it asynchronously).</summary>
    private static async Task<IReadOnlyList<LedgerItem>> LedgerAsync(LocalSuite suite, string partnershipId, int atLeast)
    {
        var until = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var items = (await suite.Clients.Payment.GetWholeLedgerAsync(new GetLedgerRequest { PartnershipId = partnershipId }, deadline: SuiteClients.Deadline())).Items;
            if (items.Count >= atLeast || DateTime.UtcNow > until) return items;
            await Task.Delay(250);
        }
    }
}
