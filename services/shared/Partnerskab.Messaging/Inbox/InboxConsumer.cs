using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Partnerskab.Messaging.Inbox;

/// <summary>
/// A consumer whose effect commits together with its inbox row (message id, consumer), so a
/// redelivered or re-published message does nothing a second time. The inbox row is inserted
/// first: a concurrent duplicate then waits on the primary key and inserts nothing once it is taken.
/// Subclasses write through <see cref="Db"/> and must not save or commit themselves.
/// </summary>
public abstract class InboxConsumer<TMessage, TDb>(TDb db, IClock clock, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
    where TDb : DbContext
{
    protected TDb Db { get; } = db;
    protected IClock Clock { get; } = clock;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a MessageId.");
        var consumer = GetType().Name;
        var cancellationToken = context.CancellationToken;

        // A retry of this consumer may reuse the context of the failed attempt.
        Db.ChangeTracker.Clear();
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        var inserted = await Db.Database.ExecuteSqlAsync($"""
            INSERT INTO inbox_messages (message_id, consumer, received_at) VALUES ({messageId}, {consumer}, {Clock.GetCurrentInstant()})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        if (inserted == 0)
        {
            logger.LogInformation("{Consumer} already handled message {MessageId}; skipping the duplicate", consumer, messageId);
            return;
        }

        await HandleAsync(context, cancellationToken);
        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The consumer's effect, staged on <see cref="Db"/>; saved and committed by the caller.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken);
}
