namespace Partnerskab.FaultTests.Infrastructure;

/// <summary>
/// A PostgreSQL and a RabbitMQ of this test project's own, started, stopped and restarted with
/// the functions of deploy/lib/infra.sh, so that taking them away disturbs no other test project
/// (those share the servers tests/run.sh started).
/// </summary>
public sealed class ThrowawayInfrastructure : IBroker, IAsyncDisposable
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

    public ushort Port => Servers.RabbitMqPort;

    public string NodeDirectory => Path.Combine(directory, "rabbitmq");

    public Task AddVirtualHostAsync(string virtualHost) => InfraAsync($"""
        rabbitmq_throwaway_ctl "$1/rabbitmq" --quiet add_vhost '{virtualHost}'
        rabbitmq_throwaway_ctl "$1/rabbitmq" --quiet set_permissions -p '{virtualHost}' guest '.*' '.*' '.*'
        """, directory);

    public async ValueTask DisposeAsync() => await InfraAsync("test_infrastructure_stop \"$1\"", directory);

    private static Task InfraAsync(string commands, string directory) => InfraScript.RunAsync(commands, directory);
}
