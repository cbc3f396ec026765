using Npgsql;
using Partnerskab.Scenario;
using Partnerskab.Tokens;

namespace Partnerskab.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The whole suite as users run it (see <see cref="LocalSuite"/>), exporting traces to an OTLP
/// receiver the tests read. Shared by the end-to-end tests, which run one at a time.
/// </summary>
public sealed class SuiteFixture : IAsyncLifetime
{
    private LocalSuite? suite;

    /// <summary>The per-caller call limit the suite runs with: low enough for a test to exceed it.</summary>
    public const int RateLimitedCallsPerSecond = 200;

    public const int RateLimitedBurst = 2 * RateLimitedCallsPerSecond;

    /// <summary>The erasure job runs by itself only at start-up here; tests run it with EraseExpiredCitizenData on a day they choose.</summary>
    private static readonly TimeSpan RetentionInterval = TimeSpan.FromDays(1);

    public OtlpTraceReceiver Traces { get; } = new(TestEnvironment.FreePort());
    public ServiceProcess Cohort => Suite.Cohort;
    public ServiceProcess Outcome => Suite.Outcome;
    public ServiceProcess Payment => Suite.Payment;
    public SuiteClients Clients => Suite.Clients;
    public KeyDirectory Keys => Suite.Keys;
    public string RabbitMqVirtualHost => Suite.RabbitMqVirtualHost;
    public IEnumerable<ServiceProcess> Services => Suite.Services;

    private LocalSuite Suite => suite ?? throw new InvalidOperationException("The suite did not start.");

    public async Task InitializeAsync()
    {
        await Traces.StartAsync();
        suite = await LocalSuite.StartAsync("e2e", new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Traces.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "60000",
            ["Logging__LogLevel__Default"] = "Information",
            ["Limits__CallsPerSecondPerCaller"] = RateLimitedCallsPerSecond.ToString(),
            ["Limits__BurstPerCaller"] = RateLimitedBurst.ToString(),
            ["Retention__Interval"] = RetentionInterval.ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        if (suite is not null) await suite.DisposeAsync();
        await Traces.DisposeAsync();
    }

    public string ConnectionString(string service) => Suite.ConnectionString(service);

    public string TokenFor(TokenSubject subject) => Suite.TokenFor(subject);

    /// <summary>A gateway in front of the suite, with a database of its own; the caller disposes it.</summary>
    public Task<LocalGateway> StartGatewayAsync() => LocalGateway.StartAsync(Suite);

    /// <summary>Clients calling as the subject; the caller disposes them.</summary>
    public SuiteClients ClientsFor(TokenSubject subject) => Suite.ClientsFor(subject);

    /// <summary>
    /// Row counts of every table of the three services' databases but the audit log, once the
    /// suite has settled: every outbox row sent and the counts unchanged over a few polls. Events
    /// of earlier tests are still being consumed when a test starts, so an unsettled count would
    /// blame the test for rows it did not write. The audit log is left out because a refused call
    /// to a citizen-level RPC is recorded there on purpose (see AuditTests).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> RowCountsAsync()
    {
        var settleBy = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var counts = await CountBusinessRowsAsync();
        var unchangedPolls = 0;
        while (unchangedPolls < 3)
        {
            if (DateTime.UtcNow > settleBy) throw new TimeoutException("The suite did not settle within 60 s.");
            await Task.Delay(TimeSpan.FromMilliseconds(750));
            var next = await CountBusinessRowsAsync();
            var unsent = await QueryEveryTableAsync(
                "SELECT count(*) FROM {0} WHERE sent_at IS NULL", value => (long)value, table => table == "outbox_messages");
            var settled = next.SequenceEqual(counts) && unsent.Values.All(n => n == 0);
            unchangedPolls = settled ? unchangedPolls + 1 : 0;
            counts = next;
        }
        return counts;
    }

    private Task<Dictionary<string, long>> CountBusinessRowsAsync() =>
        QueryEveryTableAsync("SELECT count(*) FROM {0}", value => (long)value, table => table != "audit_entries");

    /// <summary>Every table of the three databases, all its rows as one text.</summary>
    public async Task<IReadOnlyDictionary<string, string>> AllRowsAsTextAsync() =>
        await QueryEveryTableAsync("SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM {0} t", value => (string)value);

    private async Task<Dictionary<string, T>> QueryEveryTableAsync<T>(
        string sqlPerTable, Func<object, T> read, Func<string, bool>? includeTable = null)
    {
        var results = new Dictionary<string, T>();
        foreach (var service in new[] { "cohort", "outcome", "payment" })
        {
            await using var connection = new NpgsqlConnection(ConnectionString(service));
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
            }
            foreach (var table in tables.Where(includeTable ?? (_ => true)))
            {
                await using var query = new NpgsqlCommand(string.Format(sqlPerTable, $"\"{table}\""), connection);
                results[$"{service}.{table}"] = read((await query.ExecuteScalarAsync())!);
            }
        }
        return results;
    }
}

[CollectionDefinition(Name)]
public sealed class SuiteCollection : ICollectionFixture<SuiteFixture>
{
    public const string Name = "suite";
}
