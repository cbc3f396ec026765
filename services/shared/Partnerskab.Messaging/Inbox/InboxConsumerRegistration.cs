using MassTransit;

namespace Partnerskab.Messaging;

public static class InboxConsumerRegistration
{
    /// <summary>Most messages one batch of an inbox consumer holds.</summary>
    public const int BatchSize = 100;

    /// <summary>
    /// Most items (one per message, or the citizens of a batch handover) one transaction of an inbox
    /// consumer handles: it bounds the locks (one per citizen or cause) and the tracked rows a
    /// transaction holds, as a status ingestion batch of a thousand rows is bounded.
    /// </summary>
    public const int MaxItemsPerTransaction = 1000;

    /// <summary>
    /// Most messages one batch holds for a consumer of messages of up to a thousand items (handover
    /// and milestone batches): ten messages, about 1.3 MB and ten thousand citizens held at once,
    /// where a hundred would hold ten times that while a backlog drains.
    /// </summary>
    public const int BulkBatchSize = 10;

    /// <summary>
    /// How long a batch waits after its first message for more: the most a message waits when
    /// messages are few, and short enough that traffic of a few a second sees no batching delay
    /// worth the name.
    /// </summary>
    public static readonly TimeSpan BatchWait = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Registers an inbox consumer to receive its messages in batches of at most
    /// <paramref name="batchSize"/> (one batch at a time per process) from its queue, named in the
    /// contracts (<c>ConsumerQueues</c>).
    /// </summary>
    public static void AddInboxConsumer<TConsumer>(this IBusRegistrationConfigurator bus, string queue, int batchSize = BatchSize)
        where TConsumer : class, IConsumer =>
        bus.AddConsumer<TConsumer>(consumer => consumer.Options<BatchOptions>(batch => batch
                .SetMessageLimit(batchSize)
                .SetTimeLimit(BatchWait)))
            .Endpoint(endpoint => endpoint.Name = queue);
}
