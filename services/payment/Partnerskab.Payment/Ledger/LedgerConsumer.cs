using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Messaging.Inbox;
using Partnerskab.Payment.Persistence;
using Partnerskab.Payment.RateCards;

namespace Partnerskab.Payment.Ledger;

/// <summary>
/// Turns an event into a ledger item. The inbox stops a redelivered message; the unique cause
/// key stops the same cause arriving in another message. A batch's causes are locked, and what
/// the ledger holds for them read, with one statement each before its messages are booked in
/// turn; the items are written together at the end, by one COPY.
/// </summary>
public abstract class LedgerConsumer<TMessage>(PaymentDbContext db, IClock clock, ILogger logger)
    : InboxConsumer<TMessage, PaymentDbContext>(db, clock, logger)
    where TMessage : class
{
    private readonly ILogger logger = logger;
    private readonly Dictionary<Guid, List<RateCard>> rateCards = [];
    private LedgerSnapshot? ledger;

    /// <summary>The partnership, citizen and cause key of each item the message books (for a credit, the key of the item taken back); none when it books nothing.</summary>
    protected abstract IEnumerable<(Guid PartnershipId, string? CitizenId, string CauseKey)> CausesOf(TMessage message);

    protected override bool SavesOncePerBatch => true;

    protected override async Task PrepareAsync(IReadOnlyList<ConsumeContext<TMessage>> messages, CancellationToken cancellationToken)
    {
        var causes = messages.SelectMany(m => CausesOf(m.Message)).ToList();
        var unread = causes.Select(c => c.PartnershipId).Distinct().Where(p => !rateCards.ContainsKey(p)).ToList();
        if (unread.Count > 0)
        {
            var cards = await Db.RateCards.AsNoTracking().Where(c => unread.Contains(c.PartnershipId)).ToListAsync(cancellationToken);
            foreach (var partnershipId in unread) rateCards[partnershipId] = cards.Where(c => c.PartnershipId == partnershipId).ToList();
        }
        var locked = causes.Select(c => new LedgerCause(c.PartnershipId, c.CitizenId, c.CauseKey, LedgerBook.HasCaps(rateCards[c.PartnershipId]))).ToList();
        await LedgerStore.LockAsync(Db, locked, cancellationToken);
        ledger = await LedgerStore.ReadAsync(Db, locked, cancellationToken);
    }

    /// <summary>Prices what was earned under the rate card in force that day and books it under the caps.</summary>
    protected void Earn(ConsumeContext context, Guid partnershipId, Func<IReadOnlyList<RateCard>, Earning> price)
    {
        var earning = price(rateCards[partnershipId]);
        if (LedgerBook.Earn(Prepared, earning, context.MessageId, Clock.GetCurrentInstant()) is null)
        {
            logger.LogWarning("Ledger already holds an item for {CauseKey}; message {MessageId} adds nothing", earning.CauseKey, context.MessageId);
        }
    }

    /// <summary>Takes back the item booked for a cause, or stands in for it if it has not come yet.</summary>
    protected void Credit(ConsumeContext context, Guid partnershipId, string creditedCauseKey, string? citizenId, LocalDate creditedOn, string reason,
        Correction? correction = null)
    {
        if (LedgerBook.Credit(Prepared, partnershipId, creditedCauseKey, citizenId, creditedOn, reason, context.MessageId!.Value,
                Clock.GetCurrentInstant(), correction) is null)
        {
            logger.LogWarning("Ledger already holds a credit of {CauseKey}; message {MessageId} adds nothing", creditedCauseKey, context.MessageId);
        }
    }

    protected override async Task SaveAsync(CancellationToken cancellationToken)
    {
        await LedgerItemCopy.InsertAsync(Db, Prepared.Added, cancellationToken);
        await base.SaveAsync(cancellationToken);
    }

    private LedgerSnapshot Prepared => ledger ?? throw new InvalidOperationException("A ledger message is booked only after its batch is prepared.");
}
