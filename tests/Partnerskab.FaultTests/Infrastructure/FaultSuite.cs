using System.Diagnostics;
using Npgsql;
using Partnerskab.Contracts;
using Partnerskab.Operations;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing;
using Partnerskab.Testing.Invariants;
using Partnerskab.Testing.Load;
using RabbitMQ.Client;

namespace Partnerskab.FaultTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultSuite>
{
    public const string Name = "faults";
}

/// <summary>
/// The three services on infrastructure of their own (<see cref="ThrowawayInfrastructure"/>),
/// shared by the scenarios, which run one at a time; after each fault the suite is let settle
/// and the invariants are checked over everything every scenario has done so far.
/// </summary>
public sealed class FaultSuite : IAsyncLifetime
{
    /// <summary>
    /// The relay's longest pause between two attempts, shortened from 30 s so that the suite
    /// settles within seconds of a broker outage; the retry horizon follows from it.
    /// </summary>
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan RetryHorizon = MaxRetryDelay + PublishTimeout + TimeSpan.FromSeconds(5);

    private ThrowawayInfrastructure? infrastructure;
    private LocalSuite? suite;
    private BrokerCluster? cluster;
    private DatabasePair? database;
    private Task<LocalSuite>? replicas;

    public ThrowawayInfrastructure Infrastructure => infrastructure ?? throw new InvalidOperationException("The infrastructure did not start.");
    public LocalSuite Suite => suite ?? throw new InvalidOperationException("The suite did not start.");
    public SuiteClients Clients => Suite.Clients;
    public BrokerCluster Cluster => cluster ?? throw new InvalidOperationException("The cluster has not been started: ask for the replicas first.");
    public DatabasePair Database => database ?? throw new InvalidOperationException("The database pair has not been started: ask for the replicas first.");

    private static readonly Dictionary<string, string> RelaySettings = new()
    {
        ["Outbox__MaxRetryDelay"] = MaxRetryDelay.ToString(),
        ["Outbox__PublishTimeout"] = PublishTimeout.ToString(),
    };

    public async Task InitializeAsync()
    {
        infrastructure = await ThrowawayInfrastructure.StartAsync();
        suite = await LocalSuite.StartAsync("faults", RelaySettings, infrastructure.Servers);
    }

    /// <summary>
    /// A second suite, as a scaled-out deployment runs: two instances of each service, a PostgreSQL primary with a
    /// synchronous standby (<see cref="Database"/>) reached through a multi-host connection string, and a RabbitMQ
    /// cluster of three nodes (<see cref="Cluster"/>) with quorum queues; started by the first test that asks.
    /// Its cohort instances log every request, so a test can tell which one answered.
    /// </summary>
    /// <remarks>
    /// Started once: a start that failed fails every test that asks, at once. A process is given five minutes to become
    /// ready: its consumer queues are quorum queues declared across three nodes, which on the busy 2-core development
    /// machine has taken a minute and a half.
    /// </remarks>
    public Task<LocalSuite> ReplicasAsync() => replicas ??= StartReplicasAsync();

    private async Task<LocalSuite> StartReplicasAsync()
    {
        var (startingCluster, startingDatabase) = (BrokerCluster.StartAsync(), DatabasePair.StartAsync());
        try
        {
            await Task.WhenAll(startingCluster, startingDatabase);
        }
        finally
        {
            // Whichever started is stopped at the end, even if the other did not start.
            if (startingCluster.IsCompletedSuccessfully) cluster = startingCluster.Result;
            if (startingDatabase.IsCompletedSuccessfully) database = startingDatabase.Result;
        }
        var environment = new Dictionary<string, string>(RelaySettings)
        {
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        };
        foreach (var (key, value) in Cluster.ServiceSettings) environment[key] = value;
        return await LocalSuite.StartAsync("replicas", environment,
            new SuiteInfrastructure(Database.ConnectionString, Cluster.Ports[0]), instances: 2, startPatience: TimeSpan.FromMinutes(5));
    }

    public async Task DisposeAsync()
    {
        if (replicas is { IsCompletedSuccessfully: true }) await (await replicas).DisposeAsync();
        if (cluster is not null) await cluster.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
        if (suite is not null) await suite.DisposeAsync();
        if (infrastructure is not null) await infrastructure.DisposeAsync();
    }

    public string RabbitMqUri => $"amqp://guest:guest@127.0.0.1:{Infrastructure.Port}/";

    /// <summary>
    /// A fault: after a while, something is taken away, and brought back after the outage; when it was gone (the stop
    /// done: a kill waits until the processes are gone) and when it was back.
    /// </summary>
    public static async Task<(DateTime Began, DateTime Ended)> OutageAsync(Func<Task> stop, Func<Task> start, TimeSpan after, TimeSpan outage)
    {
        await Task.Delay(after);
        await stop();
        var began = DateTime.UtcNow;
        await Task.Delay(outage);
        await start();
        return (began, DateTime.UtcNow);
    }

    /// <summary>A load driver on a partnership of its own, ready to run.</summary>
    public async Task<LoadDriver> LoadAsync(string name, LoadOptions options)
    {
        var driver = new LoadDriver(Clients, options, patience: TimeSpan.FromMinutes(4));
        await driver.PrepareAsync($"{name}-{Guid.NewGuid():N}");
        return driver;
    }

    /// <summary>Waits until the suite has settled, then checks every invariant.</summary>
    public Task<IReadOnlyList<Violation>> SettleAndCheckAsync(IReadOnlyDictionary<Guid, string>? explainedErrors = null) =>
        SettleAndCheckAsync(Suite, Infrastructure, explainedErrors);

    /// <summary>Waits until another suite on this PostgreSQL and the given broker has settled, then checks every invariant.</summary>
    public static async Task<IReadOnlyList<Violation>> SettleAndCheckAsync(LocalSuite suite, IBroker broker,
        IReadOnlyDictionary<Guid, string>? explainedErrors = null)
    {
        await SettleAsync(suite, broker, TimeSpan.FromSeconds(120));
        await using var connection = await ConnectAsync(broker);
        var snapshot = await SuiteSnapshotReader.ReadAsync(suite.ConnectionString, connection);
        return InvariantChecker.Check(snapshot, DateTimeOffset.UtcNow, RetryHorizon, explainedErrors);
    }

    public Task<IConnection> ConnectAsync() => ConnectAsync(Infrastructure);

    public static async Task<IConnection> ConnectAsync(IBroker broker) =>
        await new ConnectionFactory { Uri = new Uri($"amqp://guest:guest@127.0.0.1:{broker.Port}/"), ClientProvidedName = "fault tests" }
            .CreateConnectionAsync();

    /// <summary>The partnership's milestones and ledger, once its ledger has all the items expected.</summary>
    public async Task<(IReadOnlyList<Milestone> Milestones, IReadOnlyList<LedgerItem> Ledger)> OutcomesAsync(string partnershipId)
    {
        var milestones = (await Clients.Outcome.ListMilestonesAsync(new ListMilestonesRequest { PartnershipId = partnershipId },
            deadline: SuiteClients.Deadline())).Milestones;
        var ledger = (await Clients.Payment.GetWholeLedgerAsync(new GetLedgerRequest { PartnershipId = partnershipId },
            deadline: SuiteClients.Deadline())).Items;
        return (milestones, ledger);
    }

    /// <summary>The partnership's invoices and credit notes, including those issued with a later date than today.</summary>
    public async Task<IReadOnlyList<Invoice>> DocumentsAsync(string partnershipId) =>
        (await Clients.Payment.ListInvoicesAsync(new ListInvoicesRequest { PartnershipId = partnershipId, AsOf = ThinSlice.Day(2099, 12, 31) },
            deadline: SuiteClients.Deadline())).Documents;

    /// <summary>Runs the partnerskab command-line client as an operator would; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> CliAsync(params string[] arguments)
    {
        var dll = Path.Combine(TestEnvironment.RepositoryRoot, "clients", "Partnerskab.Cli", "bin", TestEnvironment.Configuration, "net10.0", "partnerskab.dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["PARTNERSKAB_RABBITMQ_URI"] = RabbitMqUri;
        using var cli = Process.Start(start)!;
        var output = cli.StandardOutput.ReadToEndAsync();
        var error = cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync();
        return (cli.ExitCode, await output + await error);
    }

    /// <summary>Runs SQL against one service's database.</summary>
    public Task<object?> SqlAsync(string service, string sql) => SqlAsync(Suite, service, sql);

    /// <summary>Runs SQL against one service's database of a suite on this infrastructure.</summary>
    public static async Task<object?> SqlAsync(LocalSuite suite, string service, string sql)
    {
        await using var connection = new NpgsqlConnection(suite.ConnectionString(service));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>
    /// Settled: no outbox row unsent, no message in a consumer queue (waiting or being handled), and the rows that
    /// events create unchanged over three polls. Gives up after the patience; the checker then
    /// reports what did not arrive.
    /// </summary>
    private static async Task SettleAsync(LocalSuite suite, IBroker broker, TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        string? last = null;
        var steady = 0;
        while (steady < 3 && DateTime.UtcNow < until)
        {
            await Task.Delay(500);
            try
            {
                var state = await SettleStateAsync(suite, broker);
                steady = state == last && state.EndsWith("unsent 0, queued 0", StringComparison.Ordinal) ? steady + 1 : 0;
                last = state;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                steady = 0; // A server is still coming back (rabbitmqctl fails with InvalidOperationException).
            }
        }
    }

    private static async Task<string> SettleStateAsync(LocalSuite suite, IBroker broker)
    {
        var counts = new List<object?>
        {
            await SqlAsync(suite, "outcome", "SELECT count(*) FROM follow_up_citizens"),
            await SqlAsync(suite, "outcome", "SELECT count(*) FROM milestones"),
            await SqlAsync(suite, "payment", "SELECT count(*) FROM ledger_items"),
            await SqlAsync(suite, "payment", "SELECT count(*) FROM inbox_messages"),
        };
        long unsent = 0;
        foreach (var service in new[] { "cohort", "outcome", "payment" })
        {
            unsent += (long)(await SqlAsync(suite, service, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL"))!;
        }
        // Messages a consumer holds unacknowledged count too: settled means handled, not just delivered.
        var queues = await broker.QueuesAsync();
        var queued = ConsumerQueues.All.Sum(q => queues.GetValueOrDefault(q));
        return $"{string.Join(", ", counts)}; unsent {unsent}, queued {queued}";
    }
}
