using System.Security.Cryptography;
using Npgsql;
using Partnerskab.Scenario;

namespace Partnerskab.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The whole suite as users run it: the three service processes, each with its own fresh
/// database in the throwaway PostgreSQL, talking through the throwaway RabbitMQ, exporting
/// traces to an OTLP receiver. Shared by the end-to-end tests, which run one at a time.
/// </summary>
public sealed class SuiteFixture : IAsyncLifetime
{
    private readonly string runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    public OtlpTraceReceiver Traces { get; } = new(TestEnvironment.FreePort());
    public ServiceProcess Cohort { get; private set; } = null!;
    public ServiceProcess Outcome { get; private set; } = null!;
    public ServiceProcess Payment { get; private set; } = null!;
    public SuiteClients Clients { get; private set; } = null!;

    public IEnumerable<ServiceProcess> Services => [Cohort, Outcome, Payment];

    public string DatabaseName(string service) => $"e2e_{runId}_{service}";

    public async Task InitializeAsync()
    {
        await Traces.StartAsync();
        var pseudonymKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        Cohort = Create("cohort", "Cohort", new() { ["Pseudonym__Key"] = pseudonymKey });
        Outcome = Create("outcome", "Outcome", new() { ["Services__CohortUrl"] = Cohort.GrpcUrl.ToString() });
        Payment = Create("payment", "Payment", new());

        await Task.WhenAll(Cohort.StartAsync(), Outcome.StartAsync(), Payment.StartAsync());
        Clients = new SuiteClients(Cohort.GrpcUrl, Outcome.GrpcUrl, Payment.GrpcUrl);
    }

    public async Task DisposeAsync()
    {
        Clients?.Dispose();
        // Services are null when start-up failed before they were created.
        foreach (var service in Services.Where(s => s is not null)) await service.DisposeAsync();
        await Traces.DisposeAsync();
    }

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

    public string ConnectionString(string service) => $"{TestEnvironment.PostgresConnectionString};Database={DatabaseName(service)}";

    private ServiceProcess Create(string service, string project, Dictionary<string, string> extra)
    {
        var dll = Path.Combine(TestEnvironment.RepositoryRoot, "services", service, $"Partnerskab.{project}", "bin",
            TestEnvironment.Configuration, "net10.0", $"Partnerskab.{project}.dll");
        var environment = new Dictionary<string, string>(extra)
        {
            ["ConnectionStrings__Database"] = ConnectionString(service),
            ["RabbitMq__Port"] = TestEnvironment.RabbitMqPort.ToString(),
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Traces.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "60000",
            ["Logging__LogLevel__Default"] = "Information",
        };
        return new ServiceProcess(service, dll, environment, TestEnvironment.FreePort(), TestEnvironment.FreePort(),
            Path.Combine(TestEnvironment.LogDirectory, $"{DatabaseName(service)}.log"));
    }
}

[CollectionDefinition(Name)]
public sealed class SuiteCollection : ICollectionFixture<SuiteFixture>
{
    public const string Name = "suite";
}
