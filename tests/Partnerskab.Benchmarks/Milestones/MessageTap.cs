using RabbitMQ.Client;

namespace Partnerskab.Benchmarks;

/// <summary>
/// A private queue bound to an exchange while a benchmark runs, holding only the latest
/// message (x-max-length 1), to learn what the messages the suite really publishes look like.
/// Deleted with its connection.
/// </summary>
public sealed class MessageTap : IAsyncDisposable
{
    private readonly IConnection connection;
    private readonly IChannel channel;
    private readonly string queue;

    private MessageTap(IConnection connection, IChannel channel, string queue)
    {
        this.connection = connection;
        this.channel = channel;
        this.queue = queue;
    }

    public static async Task<MessageTap> StartAsync(ushort port, string virtualHost, string exchange)
    {
        var connection = await RawRabbitMqCeiling.ConnectAsync(port, "benchmark tap", virtualHost);
        var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true,
            arguments: new Dictionary<string, object?> { ["x-max-length"] = 1 })).QueueName;
        await channel.QueueBindAsync(queue, exchange, routingKey: "");
        return new MessageTap(connection, channel, queue);
    }

    /// <summary>The body of the latest message published to the exchange.</summary>
    public async Task<ReadOnlyMemory<byte>> LatestBodyAsync()
    {
        var message = await channel.BasicGetAsync(queue, autoAck: true)
            ?? throw new InvalidOperationException("No message reached the tap; was anything published?");
        return message.Body.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await channel.DisposeAsync();
        await connection.DisposeAsync();
    }
}
