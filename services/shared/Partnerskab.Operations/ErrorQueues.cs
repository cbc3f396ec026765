using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Partnerskab.Operations;

/// <summary>
/// Reads and replays the messages the services' consumers parked in their "{queue}_error"
/// queues. Listing takes each message without acknowledging it, so closing the channel puts it
/// back; replaying publishes it to its own queue (same message id, so the consumer's inbox still
/// turns a double delivery into a no-op), waits for the broker's confirm, and only then removes
/// it from the error queue.
/// </summary>
public sealed class ErrorQueues(IConnection connection)
{
    public static string ErrorQueue(string queue) => $"{queue}_error";

    public async Task<IReadOnlyList<ParkedMessage>> ListAsync(IEnumerable<string> queues, CancellationToken cancellationToken = default)
    {
        var parked = new List<ParkedMessage>();
        foreach (var queue in queues)
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            foreach (var message in await TakeAllAsync(channel, queue, cancellationToken))
            {
                parked.Add(Describe(queue, message));
            }
            // Closing the channel returns every message taken to its queue.
        }
        return parked;
    }

    /// <summary>Moves a queue's parked messages (or the one with <paramref name="messageId"/>) back to the queue; returns how many.</summary>
    public async Task<int> ReplayAsync(string queue, Guid? messageId, CancellationToken cancellationToken = default)
    {
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        var replayed = 0;
        foreach (var message in await TakeAllAsync(channel, queue, cancellationToken))
        {
            if (messageId is { } wanted && Describe(queue, message).MessageId != wanted) continue;
            var properties = new BasicProperties(message.BasicProperties)
            {
                Headers = message.BasicProperties.Headers?
                    .Where(h => !h.Key.StartsWith("MT-Fault-", StringComparison.Ordinal) && h.Key != "MT-Reason")
                    .ToDictionary(h => h.Key, h => h.Value),
            };
            // Completes once the broker has confirmed the message, so the ack below never loses it.
            await channel.BasicPublishAsync("", queue, mandatory: true, properties, message.Body, cancellationToken);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            replayed++;
        }
        return replayed;
    }

    /// <summary>Every message now in the queue's error queue, taken unacknowledged; none when it does not exist.</summary>
    private async Task<List<BasicGetResult>> TakeAllAsync(IChannel channel, string queue, CancellationToken cancellationToken)
    {
        var taken = new List<BasicGetResult>();
        uint count;
        try
        {
            count = (await channel.QueueDeclarePassiveAsync(ErrorQueue(queue), cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return taken; // MassTransit creates an error queue with the first fault.
        }
        while (taken.Count < count && await channel.BasicGetAsync(ErrorQueue(queue), autoAck: false, cancellationToken) is { } message)
        {
            taken.Add(message);
        }
        return taken;
    }

    private static ParkedMessage Describe(string queue, BasicGetResult message)
    {
        var headers = message.BasicProperties.Headers ?? new Dictionary<string, object?>();
        var (envelopeId, messageType) = Envelope(message.Body);
        var messageId = Guid.TryParse(message.BasicProperties.MessageId, out var id) ? id : envelopeId;
        return new ParkedMessage(queue, messageId, messageType, Header(headers, "MT-Fault-Message"),
            Header(headers, "MT-Fault-ExceptionType"), Header(headers, "MT-Fault-Timestamp"), Header(headers, "MT-Fault-RetryCount"));
    }

    private static string? Header(IDictionary<string, object?> headers, string name) => headers.TryGetValue(name, out var value)
        ? value switch { byte[] bytes => Encoding.UTF8.GetString(bytes), null => null, _ => value.ToString() }
        : null;

    /// <summary>The message id and the contract ("urn:message:Namespace:Type" → "Type") from MassTransit's JSON envelope.</summary>
    private static (Guid? MessageId, string? MessageType) Envelope(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            Guid? id = root.TryGetProperty("messageId", out var idValue) && Guid.TryParse(idValue.GetString(), out var parsed) ? parsed : null;
            var type = root.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0
                ? types[0].GetString()?.Split(':').Last()
                : null;
            return (id, type);
        }
        catch (JsonException)
        {
            return (null, null); // Not a MassTransit envelope: shown without a type.
        }
    }
}
