using NodaTime;

namespace Partnerskab.Messaging.Outbox;

/// <summary>
/// An event waiting to be published, written in the same transaction as the business change
/// it announces. Rows are never failed for good: the relay retries with back-off until the
/// broker takes the message.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Publication order; ties in CreatedAt are common in one transaction.</summary>
    public long Sequence { get; set; }

    /// <summary>The MassTransit MessageId the event is published with, so consumers can deduplicate.</summary>
    public Guid MessageId { get; set; }

    /// <summary>"Namespace.Type, Assembly" of the contract.</summary>
    public required string MessageType { get; set; }

    public required string Body { get; set; }

    /// <summary>W3C traceparent of the activity that wrote the row, restored when relaying.</summary>
    public string? TraceParent { get; set; }

    /// <summary>
    /// The moment a historical load gave the write that staged the event (null: recorded by the
    /// clock); sent as a header, so that its consumers record their effect at the same moment.
    /// </summary>
    public Instant? RecordedAt { get; set; }

    public Instant CreatedAt { get; set; }
    public Instant NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public Instant? SentAt { get; set; }
}
