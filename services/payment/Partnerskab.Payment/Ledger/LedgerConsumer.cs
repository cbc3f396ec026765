using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Messaging.Inbox;
using Partnerskab.Payment.Persistence;
using Partnerskab.Payment.RateCards;

namespace Partnerskab.Payment.Ledger;

/// <summary>
/// Turns an event into one priced ledger item. The inbox stops a redelivered message; the
/// unique cause key stops the same cause arriving in another message.
/// </summary>
public abstract class LedgerConsumer<TMessage>(PaymentDbContext db, IClock clock, ILogger logger)
    : InboxConsumer<TMessage, PaymentDbContext>(db, clock, logger)
    where TMessage : class
{
    private readonly ILogger logger = logger;

    protected async Task RecordAsync(LedgerItem item, CancellationToken cancellationToken)
    {
        if (await Db.Ledger.AnyAsync(i => i.CauseKey == item.CauseKey, cancellationToken))
        {
            logger.LogWarning("Ledger already holds an item for {CauseKey}; message {MessageId} adds nothing", item.CauseKey, item.CauseMessageId);
            return;
        }
        Db.Ledger.Add(item);
    }

    protected Task<List<RateCard>> RateCardsAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        Db.RateCards.AsNoTracking().Where(c => c.PartnershipId == partnershipId).ToListAsync(cancellationToken);

    protected LedgerItem NewItem(Guid partnershipId, string citizenId, LedgerItemKind kind, string causeKey,
        ConsumeContext context, LocalDate earnedOn, Pricing.Priced priced, string? milestoneCode = null) => new()
    {
        Id = NewId.NextSequentialGuid(),
        PartnershipId = partnershipId,
        CitizenId = citizenId,
        Kind = kind,
        MilestoneCode = milestoneCode,
        CauseKey = causeKey,
        CauseMessageId = context.MessageId!.Value,
        EarnedOn = earnedOn,
        AmountOre = priced.AmountOre,
        RateCardVersion = priced.RateCardVersion,
        PricingNote = priced.Note,
        RecordedAt = Clock.GetCurrentInstant(),
    };
}
