using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Messaging.Inbox;
using Partnerskab.Payment.Persistence;
using Partnerskab.Payment.RateCards;

namespace Partnerskab.Payment.Ledger;

/// <summary>
/// Turns an event into a ledger item. The inbox stops a redelivered message; the unique cause
/// key stops the same cause arriving in another message.
/// </summary>
public abstract class LedgerConsumer<TMessage>(PaymentDbContext db, IClock clock, ILogger logger)
    : InboxConsumer<TMessage, PaymentDbContext>(db, clock, logger)
    where TMessage : class
{
    private readonly ILogger logger = logger;
    private readonly Dictionary<Guid, List<RateCard>> rateCards = [];

    /// <summary>Prices what was earned under the rate card in force that day and books it under the caps.</summary>
    protected async Task EarnAsync(ConsumeContext context, Guid partnershipId, string causeKey,
        Func<IReadOnlyList<RateCard>, Earning> price, CancellationToken cancellationToken)
    {
        var versions = await RateCardsAsync(partnershipId, cancellationToken);
        await LedgerBook.LockAsync(Db, partnershipId, versions, causeKey, cancellationToken);
        var earning = price(versions);
        if (await LedgerBook.EarnAsync(Db, earning, context.MessageId, Clock.GetCurrentInstant(), cancellationToken) is null)
        {
            logger.LogWarning("Ledger already holds an item for {CauseKey}; message {MessageId} adds nothing", causeKey, context.MessageId);
        }
    }

    /// <summary>Takes back the item booked for a cause, or stands in for it if it has not come yet.</summary>
    protected async Task CreditAsync(ConsumeContext context, Guid partnershipId, string creditedCauseKey, string? citizenId,
        LocalDate creditedOn, string reason, CancellationToken cancellationToken)
    {
        var versions = await RateCardsAsync(partnershipId, cancellationToken);
        await LedgerBook.LockAsync(Db, partnershipId, versions, creditedCauseKey, cancellationToken);
        if (await LedgerBook.CreditAsync(Db, partnershipId, creditedCauseKey, citizenId, creditedOn, reason, context.MessageId!.Value,
                Clock.GetCurrentInstant(), cancellationToken) is null)
        {
            logger.LogWarning("Ledger already holds a credit of {CauseKey}; message {MessageId} adds nothing", creditedCauseKey, context.MessageId);
        }
    }

    /// <summary>The partnership's rate card versions, read once per batch: its messages share one transaction.</summary>
    private async Task<List<RateCard>> RateCardsAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        if (!rateCards.TryGetValue(partnershipId, out var versions))
        {
            versions = await Db.RateCards.AsNoTracking().Where(c => c.PartnershipId == partnershipId).ToListAsync(cancellationToken);
            rateCards[partnershipId] = versions;
        }
        return versions;
    }
}
