namespace Partnerskab.Messaging;

/// <summary>Bound from the "RabbitMq" configuration section.</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";

    /// <summary>
    /// The nodes of a cluster ("host:port", environment RabbitMq__Nodes__0, __1, ...) when they have no one address that
    /// leads to a live node: the connection goes to one of them and, when that node goes, to another. Empty: only
    /// <see cref="Host"/> and <see cref="Port"/>.
    /// </summary>
    public List<string> Nodes { get; set; } = [];
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";

    /// <summary>Unacknowledged messages a consumer endpoint holds at once.</summary>
    public int PrefetchCount { get; set; } = 16;

    /// <summary>
    /// The type of the consumer queues the service declares: classic durable queues on a single broker, quorum queues
    /// (replicated by Raft across the nodes) on a cluster. A queue's type is fixed when it is declared, so a broker
    /// whose queues exist as one type needs them moved before the setting changes.
    /// </summary>
    public RabbitMqQueueType QueueType { get; set; } = RabbitMqQueueType.Classic;
}

public enum RabbitMqQueueType
{
    Classic,
    Quorum,
}
