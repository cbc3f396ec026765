using NodaTime;

namespace Partnerskab.Messaging.Inbox;

/// <summary>
/// A message a consumer has handled, recorded in the same transaction as the consumer's effect;
/// the primary key (message id, consumer) turns a redelivery into a no-op.
/// </summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public required string Consumer { get; set; }
    public Instant ReceivedAt { get; set; }
}
