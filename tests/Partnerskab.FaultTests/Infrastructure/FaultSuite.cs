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

    /// <summary>The virtual host of <see cref="ReplicasAsync"/>, so its queues are shared by its instances and no one else.</summary>
    public const string ReplicasVirtualHost = "partnerskab-replicas";

    private ThrowawayInfrastructure? infrastructure;
    private LocalSuite? suite;
    private LocalSuite? replicas;

    public ThrowawayInfrastructure Infrastructure => infrastructure ?? throw new InvalidOperationException("The infrastructure did not start.");
    public LocalSuite Suite => suite ?? throw new InvalidOperationException("The suite did not start.");
    public SuiteClients Clients => Suite.Clients;

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
    /// A second suite on this infrastructure with two instances of each service, on a virtual host of its own, started
    /// by the first test that asks. Its cohort instances log every request, so a test can tell which one answered.
    /// </summary>
    public async Task<LocalSuite> ReplicasAsync()
    {
        if (replicas is not null) return replicas;
        await Infrastructure.AddVirtualHostAsync(ReplicasVirtualHost);
        replicas = await LocalSuite.StartAsync("replicas", new Dictionary<string, string>(RelaySettings)
        {
            ["RabbitMq__VirtualHost"] = ReplicasVirtualHost,
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        }, Infrastructure.Servers, instances: 2);
        return replicas;
    }

    public async Task DisposeAsync()
    {
        if (replicas is not null) await replicas.DisposeAsync();
        if (suite is not null) await suite.DisposeAsync();
        if (infrastructure is not null) await infrastructure.DisposeAsync();
    }

    public string RabbitMqUri => RabbitMqUriOf("/");

    private string RabbitMqUriOf(string virtualHost) =>
        $"amqp://guest:guest@127.0.0.1:{Infrastructure.Servers.RabbitMqPort}/{(virtualHost == "/" ? "" : Uri.EscapeDataString(virtualHost))}";

    /// <summary>A fault: after a while, something is taken away, and brought back after the outage.</summary>
    public static async Task OutageAsync(Func<Task> stop, Func<Task> start, TimeSpan after, TimeSpan outage)
    {
        await Task.Delay(after);
        await stop();
        await Task.Delay(outage);
        await start();
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
        SettleAndCheckAsync(Suite, "/", explainedErrors);

    /// <summary>Waits until another suite on this infrastructure, on its virtual host, has settled, then checks every invariant.</summary>
    public async Task<IReadOnlyList<Violation>> SettleAndCheckAsync(LocalSuite suite, string virtualHost, IReadOnlyDictionary<Guid, string>? explainedErrors = null)
    {
        await SettleAsync(suite, virtualHost, TimeSpan.FromSeconds(120));
        await using var broker = await ConnectAsync(virtualHost);
        var snapshot = await SuiteSnapshotReader.ReadAsync(suite.ConnectionString, broker);
        return InvariantChecker.Check(snapshot, DateTimeOffset.UtcNow, RetryHorizon, explainedErrors);
    }

    public async Task<IConnection> ConnectAsync(string virtualHost = "/") =>
        await new ConnectionFactory { Uri = new Uri(RabbitMqUriOf(virtualHost)), ClientProvidedName = "fault tests" }.CreateConnectionAsync();

    /// <summary>The partnership's milestones and ledger, once its ledger has all the items expected.</summary>
    public async Task<(IReadOnlyList<Milestone> Milestones, IReadOnlyList<LedgerItem> Ledger)> OutcomesAsync(string partnershipId)
    {
        var milestones = (await Clients.Outcome.ListMilestonesAsync(new ListMilestonesRequest { PartnershipId = partnershipId },
            deadline: SuiteClients.Deadline())).Milestones;
        var ledger = (await Clients.Payment.GetLedgerAsync(new GetLedgerRequest { PartnershipId = partnershipId },
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
    private async Task SettleAsync(LocalSuite suite, string virtualHost, TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        string? last = null;
        var steady = 0;
        while (steady < 3 && DateTime.UtcNow < until)
        {
            await Task.Delay(500);
            try
            {
                var state = await SettleStateAsync(suite, virtualHost);
                steady = state == last && state.EndsWith("unsent 0, queued 0", StringComparison.Ordinal) ? steady + 1 : 0;
                last = state;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                steady = 0; // A server is still coming back (rabbitmqctl fails with InvalidOperationException).
            }
        }
    }

    private async Task<string> SettleStateAsync(LocalSuite suite, string virtualHost)
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
        var queues = await Infrastructure.QueuesAsync(virtualHost);
        var queued = ConsumerQueues.All.Sum(q => queues.GetValueOrDefault(q));
        return $"{string.Join(", ", counts)}; unsent {unsent}, queued {queued}";
    }
}
