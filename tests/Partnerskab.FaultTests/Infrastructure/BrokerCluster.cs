using System.Globalization;

namespace Partnerskab.FaultTests.Infrastructure;

/// <summary>A broker the fault suite connects to and lists with rabbitmqctl: one throwaway node or a node of a cluster.</summary>
public interface IBroker
{
    /// <summary>The AMQP port of a node that is up.</summary>
    ushort Port { get; }

    /// <summary>The directory of a node that is up, for rabbitmq_throwaway_ctl (deploy/lib/infra.sh).</summary>
    string NodeDirectory { get; }
}

public static class BrokerQueues
{
    /// <summary>The queues of a virtual host and the messages in each, ready or delivered but not yet acknowledged.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> QueuesAsync(this IBroker broker, string virtualHost = "/") =>
        (await ListAsync(broker, virtualHost, "name", "messages")).ToDictionary(f => f[0], f => long.Parse(f[1], CultureInfo.InvariantCulture));

    /// <summary>The queues of a virtual host with their type (classic, quorum) and whether they are durable.</summary>
    public static async Task<IReadOnlyDictionary<string, (string Type, bool Durable)>> QueueKindsAsync(this IBroker broker, string virtualHost) =>
        (await ListAsync(broker, virtualHost, "name", "type", "durable")).ToDictionary(f => f[0], f => (f[1], f[2] == "true"));

    /// <summary>The consumers of each queue of a virtual host.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> ConsumerCountsAsync(this IBroker broker, string virtualHost) =>
        (await ListAsync(broker, virtualHost, "name", "consumers")).ToDictionary(f => f[0], f => int.Parse(f[1], CultureInfo.InvariantCulture));

    private static async Task<List<string[]>> ListAsync(IBroker broker, string virtualHost, params string[] columns)
    {
        var listing = Path.Combine(Path.GetTempPath(), $"partnerskab-queues-{Guid.NewGuid():N}");
        await InfraScript.RunAsync(
            $"rabbitmq_throwaway_ctl \"$1\" --quiet list_queues -p '{virtualHost}' {string.Join(' ', columns)} --no-table-headers >\"{listing}\"",
            broker.NodeDirectory);
        var lines = await File.ReadAllLinesAsync(listing);
        File.Delete(listing);
        return [.. lines.Select(l => l.Split('\t', StringSplitOptions.TrimEntries)).Where(f => f.Length == columns.Length)];
    }
}

/// <summary>
/// Three RabbitMQ nodes of this test project's own on this machine, clustered, with the functions of deploy/lib/infra.sh
/// (rabbitmq_cluster_start): separate node names, ports and data directories. A node can be killed (SIGKILL) and
/// brought back on its data.
/// </summary>
public sealed class BrokerCluster : IBroker, IAsyncDisposable
{
    private readonly string directory;
    private readonly HashSet<int> down = [];

    private BrokerCluster(string directory, IReadOnlyList<ushort> ports)
    {
        this.directory = directory;
        Ports = ports;
    }

    /// <summary>The AMQP port of each node, node 1 first.</summary>
    public IReadOnlyList<ushort> Ports { get; }

    public ushort Port => Ports[UpNode() - 1];

    /// <summary>The settings that point a service at every node of the cluster, with quorum queues.</summary>
    public IReadOnlyDictionary<string, string> ServiceSettings =>
        Ports.Select((port, i) => (Key: $"RabbitMq__Nodes__{i}", Value: $"127.0.0.1:{port}"))
            .Append((Key: "RabbitMq__QueueType", Value: "Quorum"))
            .ToDictionary(s => s.Key, s => s.Value);

    public static async Task<BrokerCluster> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("partnerskab-cluster.").FullName;
        await InfraScript.RunAsync("""
            rabbitmq_cluster_start "$1" 3
            printf '%s' "$THROWAWAY_RABBITMQ_PORTS" >"$1/ports"
            """, directory);
        var ports = (await File.ReadAllTextAsync(Path.Combine(directory, "ports"))).Split(' ').Select(ushort.Parse).ToList();
        return new BrokerCluster(directory, ports);
    }

    /// <summary>SIGKILL of node <paramref name="node"/> (from 1).</summary>
    public async Task KillNodeAsync(int node)
    {
        down.Add(node);
        await InfraScript.RunAsync($"rabbitmq_node_kill \"$1/node{node}\"", directory);
    }

    /// <summary>Node <paramref name="node"/> started again on its data; it rejoins the cluster.</summary>
    public async Task RestartNodeAsync(int node)
    {
        await InfraScript.RunAsync($"rabbitmq_node_restart \"$1/node{node}\"", directory);
        down.Remove(node);
    }

    public string NodeDirectory => Path.Combine(directory, $"node{UpNode()}");

    private int UpNode() => Enumerable.Range(1, Ports.Count).First(n => !down.Contains(n));

    public async ValueTask DisposeAsync() => await InfraScript.RunAsync("rabbitmq_cluster_stop \"$1\"", directory);
}
