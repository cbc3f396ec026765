using Microsoft.Extensions.Options;
using Partnerskab.Contracts;
using Partnerskab.Operations;
using RabbitMQ.Client;

namespace Partnerskab.Portal.Operations;

/// <summary>
/// The operator's view of the broker: the messages parked in the consumers' error queues, and
/// replaying them once the cause is fixed, with the same tools as `partnerskab ops errors`.
/// Only the suite's own consumer queues can be read or replayed from the portal.
/// </summary>
public sealed class ParkedMessages(IOptions<PortalOptions> options)
{
    public bool Configured => options.Value.RabbitMqUri is not null;

    public static bool IsConsumerQueue(string queue) => ConsumerQueues.All.Contains(queue, StringComparer.Ordinal);

    public async Task<IReadOnlyList<ParkedMessage>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        return await new ErrorQueues(connection).ListAsync(ConsumerQueues.All, cancellationToken);
    }

    /// <summary>Moves the queue's parked message (or all of them) back to the queue; returns how many.</summary>
    public async Task<int> ReplayAsync(string queue, Guid? messageId, CancellationToken cancellationToken)
    {
        if (!IsConsumerQueue(queue)) throw new ArgumentException($"'{queue}' is not a consumer queue of the suite", nameof(queue));
        await using var connection = await ConnectAsync(cancellationToken);
        return await new ErrorQueues(connection).ReplayAsync(queue, messageId, cancellationToken);
    }

    private Task<IConnection> ConnectAsync(CancellationToken cancellationToken) =>
        new ConnectionFactory { Uri = options.Value.RabbitMqUri ?? throw new InvalidOperationException("Configure Portal:RabbitMqUri."), ClientProvidedName = "partnerskab portal" }
            .CreateConnectionAsync(cancellationToken);
}
