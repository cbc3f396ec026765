using Npgsql;
using Partnerskab.Scenario;

namespace Partnerskab.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The whole suite as users run it (see <see cref="LocalSuite"/>), exporting traces to an OTLP
/// receiver the tests read. Shared by the end-to-end tests, which run one at a time.
/// </summary>
public sealed class SuiteFixture : IAsyncLifetime
{
    private LocalSuite? suite;

    public OtlpTraceReceiver Traces { get; } = new(TestEnvironment.FreePort());
    public ServiceProcess Cohort => Suite.Cohort;
    public ServiceProcess Outcome => Suite.Outcome;
    public ServiceProcess Payment => Suite.Payment;
    public SuiteClients Clients => Suite.Clients;
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
        });
    }

    public async Task DisposeAsync()
    {
        if (suite is not null) await suite.DisposeAsync();
        await Traces.DisposeAsync();
    }

    public string ConnectionString(string service) => Suite.ConnectionString(service);

    /// <summary>Row counts of every table of the three services' databases.</summary>
    public async Task<IReadOnlyDictionary<string, long>> RowCountsAsync() =>
        await QueryEveryTableAsync("SELECT count(*) FROM {0}", value => (long)value);

    /// <summary>Every table of the three databases, all its rows as one text.</summary>
    public async Task<IReadOnlyDictionary<string, string>> AllRowsAsTextAsync() =>
        await QueryEveryTableAsync("SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM {0} t", value => (string)value);

    private async Task<Dictionary<string, T>> QueryEveryTableAsync<T>(string sqlPerTable, Func<object, T> read)
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
            foreach (var table in tables)
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
