namespace Partnerskab.FaultTests.Infrastructure;

/// <summary>
/// A PostgreSQL primary and its synchronous standby of this test project's own on this machine, with the functions of
/// deploy/lib/infra.sh (pg_replicated_start): separate data directories and ports, streaming replication, every commit
/// acknowledged only once the standby has it. The services reach it through a multi-host connection string that asks
/// for the primary, as they would reach a replicated database in production. The primary can be killed, the standby
/// promoted, and the old primary made the new one's standby again.
/// </summary>
public sealed class DatabasePair : IAsyncDisposable
{
    private readonly string directory;
    private int primary = 1;

    private DatabasePair(string directory, IReadOnlyList<ushort> ports)
    {
        this.directory = directory;
        Ports = ports;
    }

    /// <summary>The port of each node, node 1 (the first primary) first.</summary>
    public IReadOnlyList<ushort> Ports { get; }

    /// <summary>Both nodes, the services' connection string names: Npgsql opens every connection on the one that is primary.</summary>
    public string ConnectionString =>
        $"Host={string.Join(',', Ports.Select(p => $"127.0.0.1:{p}"))};Username=postgres;Password=postgres;Target Session Attributes=primary";

    public static async Task<DatabasePair> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("partnerskab-pgpair.").FullName;
        await InfraScript.RunAsync("""
            chmod 711 "$1"
            pg_replicated_start "$1"
            printf '%s' "$THROWAWAY_PG_PORTS" >"$1/ports"
            """, directory);
        var ports = (await File.ReadAllTextAsync(Path.Combine(directory, "ports"))).Split(' ').Select(ushort.Parse).ToList();
        return new DatabasePair(directory, ports);
    }

    private int Standby => 3 - primary;

    /// <summary>SIGKILL of the primary's postmaster and every backend, as a crash of its machine would end them.</summary>
    public Task KillPrimaryAsync() => RunAsync($"pg_node_kill \"$1/node{primary}\"");

    /// <summary>The standby promoted (pg_ctl promote): the new primary, committing without a standby until <see cref="RebuildStandbyAsync"/>.</summary>
    public async Task PromoteStandbyAsync()
    {
        await RunAsync($"pg_node_promote \"$1/node{Standby}\"");
        primary = Standby;
    }

    /// <summary>The other node made afresh the primary's synchronous standby, on its old port (pg_basebackup).</summary>
    public Task RebuildStandbyAsync() => RunAsync($"pg_standby_rebuild \"$1/node{Standby}\" \"$1/node{primary}\"");

    /// <summary>The primary stopped (fast shutdown: sessions cut off), and started again on its data; no failover.</summary>
    public Task StopPrimaryAsync() => RunAsync($"pg_throwaway_pause \"$1/node{primary}\"");
    public Task StartPrimaryAsync() => RunAsync($"pg_node_start \"$1/node{primary}\"");

    private Task RunAsync(string commands) => InfraScript.RunAsync(commands, directory);

    public async ValueTask DisposeAsync() => await RunAsync("pg_replicated_stop \"$1\"");
}
