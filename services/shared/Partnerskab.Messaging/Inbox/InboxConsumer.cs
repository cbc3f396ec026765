using System.Runtime.ExceptionServices;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;
using Partnerskab.ServiceDefaults.Persistence;
using Partnerskab.ServiceDefaults.Recording;

namespace Partnerskab.Messaging.Inbox;

/// <summary>
/// A consumer whose effect commits together with its inbox row (message id, consumer), so a
/// redelivered or re-published message does nothing a second time. Messages arrive in batches
/// (see <see cref="InboxConsumerRegistration"/>), handled one after the other in one transaction:
/// one commit, one inbox insert and one hold of the handlers' locks for up to a hundred messages
/// instead of one each, which is what bounds a partnership whose caps make its ledger writes
/// take turns. A message may carry many items (the citizens of a batch handover): a batch's
/// messages then go in as many transactions as keep each to
/// <see cref="InboxConsumerRegistration.MaxItemsPerTransaction"/> items. The inbox rows are
/// inserted first: a concurrent duplicate then waits on the primary key and inserts nothing once
/// it is taken. A transaction with a message the consumer cannot handle is tried again one
/// message at a time, so the others commit; the batch then fails (retried, then parked) and on
/// replay the inbox absorbs the messages that did commit.
/// Subclasses write through <see cref="Db"/> and must not save or commit themselves.
/// </summary>
public abstract class InboxConsumer<TMessage, TDb>(TDb db, IClock clock, ILogger logger) : IConsumer<Batch<TMessage>>
    where TMessage : class
    where TDb : DbContext
{
    protected TDb Db { get; } = db;
    protected IClock Clock { get; } = clock;

    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var cancellationToken = context.CancellationToken;
        Exception? firstFailure = null;
        foreach (var messages in InboxTransactions.Group(context.Message, m => ItemsOf(m.Message)))
        {
            try
            {
                await HandleInOneTransactionAsync(messages, cancellationToken);
            }
            catch (Exception e) when (!DatabaseFaults.IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                // The other transactions of the batch still commit; the batch fails after them.
                firstFailure ??= messages.Count > 1 ? await HandleOneAtATimeAsync(messages, e, cancellationToken) : e;
            }
        }
        if (firstFailure is not null) ExceptionDispatchInfo.Throw(firstFailure);
    }

    /// <summary>Handles a group that failed one message at a time, so the others commit; the first failure, if one fails again.</summary>
    private async Task<Exception?> HandleOneAtATimeAsync(IReadOnlyList<ConsumeContext<TMessage>> messages, Exception groupFailure, CancellationToken cancellationToken)
    {
        logger.LogWarning(groupFailure, "{Consumer} could not handle a batch of {Count} messages; handling them one at a time", InboxName, messages.Count);
        Exception? firstFailure = null;
        foreach (var message in messages)
        {
            try
            {
                await HandleInOneTransactionAsync([message], cancellationToken);
            }
            catch (Exception failure)
            {
                firstFailure ??= failure;
            }
        }
        return firstFailure;
    }

    private async Task HandleInOneTransactionAsync(IReadOnlyList<ConsumeContext<TMessage>> messages, CancellationToken cancellationToken)
    {
        var consumer = InboxName;
        var ids = messages.Select(m => m.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a MessageId.")).Distinct().ToArray();

        // A retry may reuse the context of the failed attempt.
        Db.ChangeTracker.Clear();
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        var fresh = (await Db.Database.SqlQuery<Guid>($"""
            INSERT INTO inbox_messages (message_id, consumer, received_at)
            SELECT id, {consumer}, {Clock.GetCurrentInstant()} FROM unnest({ids}) AS id
            ON CONFLICT DO NOTHING
            RETURNING message_id AS "Value"
            """).ToListAsync(cancellationToken)).ToHashSet();
        var toHandle = new List<ConsumeContext<TMessage>>(messages.Count);
        foreach (var message in messages)
        {
            if (fresh.Remove(message.MessageId!.Value)) toHandle.Add(message);
            else logger.LogInformation("{Consumer} already handled message {MessageId}; skipping the duplicate", consumer, message.MessageId);
        }
        // Duplicates only: nothing is prepared, so nothing is saved (what a failed attempt staged stays unwritten).
        if (toHandle.Count == 0) return;
        await PrepareAsync(toHandle, cancellationToken);
        foreach (var message in toHandle)
        {
            // An event of a historical load is recorded at the moment its cause was.
            using (RecordedTime.Use(RecordedTime.Parse(message.Headers.Get<string>(RecordedTime.Header))))
            {
                await HandleAsync(message, cancellationToken);
            }
            // Saved before the next message, so its handler sees this one's effect as it would in a transaction of its own.
            if (!SavesOncePerBatch) await SaveAsync(cancellationToken);
        }
        if (SavesOncePerBatch) await SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The consumer's name in the inbox: its class's, unless it takes over the messages of a consumer
    /// that wrote its inbox rows under another name (so that a redelivery of one of those is still recognised).
    /// </summary>
    protected virtual string InboxName => GetType().Name;

    /// <summary>How many items (citizens, causes) a message holds: a transaction holds at most <see cref="InboxConsumerRegistration.MaxItemsPerTransaction"/>.</summary>
    protected virtual int ItemsOf(TMessage message) => 1;

    /// <summary>
    /// Runs in the batch's transaction before its new messages are handled, so a consumer can
    /// take their locks and read what they need with one statement each instead of one per message.
    /// A transaction's handlers and <see cref="SaveAsync"/> run only after it: state a consumer keeps
    /// for them is to be set here afresh, since a failed transaction leaves what it staged behind.
    /// </summary>
    protected virtual Task PrepareAsync(IReadOnlyList<ConsumeContext<TMessage>> messages, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// True for a consumer whose handler never reads the database for what an earlier message
    /// of the batch wrote (it keeps track itself, from <see cref="PrepareAsync"/> on): its
    /// writes are then saved together at the end of the batch.
    /// </summary>
    protected virtual bool SavesOncePerBatch => false;

    /// <summary>Writes what the handlers staged, in the batch's transaction.</summary>
    protected virtual Task SaveAsync(CancellationToken cancellationToken) => Db.SaveChangesAsync(cancellationToken);

    /// <summary>The consumer's effect, staged on <see cref="Db"/>; saved and committed by the caller.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken);
}
