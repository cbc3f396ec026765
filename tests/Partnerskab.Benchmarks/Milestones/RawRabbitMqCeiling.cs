using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Partnerskab.Benchmarks;

/// <summary>
/// The ceiling of the milestone-to-ledger path: the broker and RabbitMQ.Client 7 alone. The
/// same number of messages of the same size are published persistent to a durable queue with
/// publisher confirms, as many awaiting their confirm at once as the outbox relay publishes
/// side by side (its batch), and consumed with manual acks at the services' prefetch.
/// Messages per second from the first publish to the last ack.
/// </summary>
public static class RawRabbitMqCeiling
{
    /// <summary>The outbox relay's default batch (OutboxOptions.BatchSize), all published side by side.</summary>
    public const int PublishesInFlight = 100;

    /// <summary>The services' default prefetch (RabbitMqOptions.PrefetchCount).</summary>
    public const ushort Prefetch = 16;

    public static Task<IConnection> ConnectAsync(ushort port, string name, string virtualHost = "/") =>
        new ConnectionFactory { HostName = "127.0.0.1", Port = port, VirtualHost = virtualHost, ClientProvidedName = name }.CreateConnectionAsync();

    public static async Task<double> RunAsync(ushort port, int messages, int messageBytes)
    {
        var queue = $"benchmark-ceiling-{Guid.NewGuid():N}";
        await using var publishing = await ConnectAsync(port, "benchmark ceiling publisher");
        await using var consuming = await ConnectAsync(port, "benchmark ceiling consumer");
        await using var publisher = await publishing.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await using var consumer = await consuming.CreateChannelAsync();
        await publisher.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        try
        {
            var acked = 0;
            var allAcked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var receiver = new AsyncEventingBasicConsumer(consumer);
            receiver.ReceivedAsync += async (_, delivery) =>
            {
                await consumer.BasicAckAsync(delivery.DeliveryTag, multiple: false);
                if (++acked == messages) allAcked.TrySetResult();
            };
            await consumer.BasicQosAsync(0, Prefetch, global: false);
            await consumer.BasicConsumeAsync(queue, autoAck: false, receiver);

            var body = new byte[messageBytes];
            var properties = new BasicProperties { Persistent = true, ContentType = "application/vnd.masstransit+json" };
            using var window = new SemaphoreSlim(PublishesInFlight);
            var stopwatch = Stopwatch.StartNew();
            var confirms = new List<Task>(messages);
            for (var n = 0; n < messages; n++)
            {
                await window.WaitAsync();
                confirms.Add(PublishAsync());
            }
            await Task.WhenAll(confirms);
            await allAcked.Task.WaitAsync(TimeSpan.FromMinutes(10));
            return messages / stopwatch.Elapsed.TotalSeconds;

            async Task PublishAsync()
            {
                try
                {
                    await publisher.BasicPublishAsync("", queue, mandatory: true, properties, body);
                }
                finally
                {
                    window.Release();
                }
            }
        }
        finally
        {
            await publisher.QueueDeleteAsync(queue);
        }
    }
}
