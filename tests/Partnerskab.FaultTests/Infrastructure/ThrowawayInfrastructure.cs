namespace Partnerskab.FaultTests.Infrastructure;

/// <summary>
/// A PostgreSQL and a RabbitMQ of this test project's own, started, stopped and restarted with
/// the functions of deploy/lib/infra.sh, so that taking them away disturbs no other test project
/// (those share the servers tests/run.sh started).
/// </summary>
public sealed class ThrowawayInfrastructure : IAsyncDisposable
{
    private readonly string directory;

    private ThrowawayInfrastructure(string directory, SuiteInfrastructure servers)
    {
        this.directory = directory;
        Servers = servers;
    }

    public SuiteInfrastructure Servers { get; }

    public static async Task<ThrowawayInfrastructure> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("partnerskab-faults.").FullName;
        await InfraAsync($"""
            test_infrastructure_start "$1"
            printf '%s %s' "$THROWAWAY_PG_PORT" "$THROWAWAY_RABBITMQ_PORT" >"$1/ports"
            """, directory);
        var ports = (await File.ReadAllTextAsync(Path.Combine(directory, "ports"))).Split(' ');
        return new ThrowawayInfrastructure(directory,
            new SuiteInfrastructure($"Host=127.0.0.1;Port={ports[0]};Username=postgres;Password=postgres", ushort.Parse(ports[1])));
    }

    public Task StopPostgresAsync() => InfraAsync("pg_throwaway_pause \"$1/pg\"", directory);
    public Task StartPostgresAsync() => InfraAsync("pg_throwaway_resume \"$1/pg\"", directory);
    public Task StopRabbitMqAsync() => InfraAsync("rabbitmq_throwaway_pause \"$1/rabbitmq\"", directory);
    public Task StartRabbitMqAsync() => InfraAsync("rabbitmq_throwaway_resume \"$1/rabbitmq\"", directory);

    /// <summary>The broker's queues and the messages in each, ready or delivered but not yet acknowledged, as rabbitmqctl lists them.</summary>
    public async Task<IReadOnlyDictionary<string, long>> QueuesAsync(string virtualHost = "/") =>
        (await ListQueuesAsync(virtualHost, "name", "messages"))
            .ToDictionary(f => f[0], f => long.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The consumers of each queue of a virtual host.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ConsumerCountsAsync(string virtualHost) =>
        (await ListQueuesAsync(virtualHost, "name", "consumers"))
            .ToDictionary(f => f[0], f => int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The queues of a virtual host with their type (classic, quorum) and whether they are durable.</summary>
    public async Task<IReadOnlyDictionary<string, (string Type, bool Durable)>> QueueKindsAsync(string virtualHost) =>
        (await ListQueuesAsync(virtualHost, "name", "type", "durable")).ToDictionary(f => f[0], f => (f[1], f[2] == "true"));

    public Task AddVirtualHostAsync(string virtualHost) => InfraAsync($"""
        rabbitmq_throwaway_ctl "$1/rabbitmq" --quiet add_vhost '{virtualHost}'
        rabbitmq_throwaway_ctl "$1/rabbitmq" --quiet set_permissions -p '{virtualHost}' guest '.*' '.*' '.*'
        """, directory);

    private async Task<List<string[]>> ListQueuesAsync(string virtualHost, params string[] columns)
    {
        var listing = Path.Combine(directory, $"queues-{Guid.NewGuid():N}");
        await InfraAsync($"rabbitmq_throwaway_ctl \"$1/rabbitmq\" --quiet list_queues -p '{virtualHost}' {string.Join(' ', columns)} --no-table-headers >\"{listing}\"", directory);
        var lines = await File.ReadAllLinesAsync(listing);
        File.Delete(listing);
        return [.. lines.Select(l => l.Split('\t', StringSplitOptions.TrimEntries)).Where(f => f.Length == columns.Length)];
    }

    public async ValueTask DisposeAsync() => await InfraAsync("test_infrastructure_stop \"$1\"", directory);

    private static Task InfraAsync(string commands, string directory) => InfraScript.RunAsync(commands, directory);
}
