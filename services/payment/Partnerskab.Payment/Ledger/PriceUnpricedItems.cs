using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Persistence;
using Partnerskab.Payment.RateCards;

namespace Partnerskab.Payment.Ledger;

/// <summary>
/// Books the price of items earned while no rate card priced them, once the partnership's rate
/// cards (with a new version) have a price that covers the day each was earned: an item of its
/// own per unpriced item ("priced:{cause key}"), earned that day, under the caps, so the next
/// invoice run bills it. An item taken back before it is priced stays at nothing. Runs in the
/// rate card's transaction, under the partnership's lock.
/// </summary>
public static class PriceUnpricedItems
{
    public static async Task BookAsync(PaymentDbContext db, Guid partnershipId, IReadOnlyList<RateCard> versions, Instant now,
        CancellationToken cancellationToken)
    {
        // One per cause: the lead stands for the payers' items of a split price.
        var unpriced = await db.Ledger.AsNoTracking().Where(i => i.PartnershipId == partnershipId && i.Unpriced && i.Lead).ToListAsync(cancellationToken);
        if (unpriced.Count == 0) return;

        // The caller holds the partnership's lock (what capped consumers take); the causes' own locks are what an
        // uncapped consumer takes, so a credit of one of these items waits for its price and then takes both back.
        var causes = unpriced.Select(i => new LedgerCause(partnershipId, i.CitizenId, i.CauseKey, Capped: false)).ToList();
        await LedgerStore.LockAsync(db, causes, cancellationToken);
        var ledger = await LedgerStore.ReadAsync(db, causes, cancellationToken);
        Book(ledger, unpriced, versions, now);
        await LedgerItemCopy.InsertAsync(db, ledger.Added, cancellationToken);
    }

    /// <summary>Books into the snapshot the price of each unpriced item that the versions now price and that is neither priced nor taken back yet.</summary>
    public static void Book(LedgerSnapshot ledger, IEnumerable<LedgerItem> unpriced, IReadOnlyList<RateCard> versions, Instant now)
    {
        foreach (var item in unpriced)
        {
            if (ledger.IsBooked(LedgerBook.CreditKey(item.CauseKey)) || ledger.IsBooked(LedgerBook.PricedKey(item.CauseKey))) continue;
            if (PriceOf(item, versions) is not { Unpriced: false } priced) continue;
            LedgerBook.Earn(ledger, new Earning(item.PartnershipId, item.CitizenId, item.Kind, item.Code, LedgerBook.PricedKey(item.CauseKey), item.EarnedOn,
                Pricing.InForce(versions, item.EarnedOn), priced with { Note = $"{priced.Note}, priced after it was earned unpriced" }),
                causeMessageId: null, now);
        }
    }

    private static Pricing.Priced? PriceOf(LedgerItem item, IReadOnlyList<RateCard> versions) => item.Kind switch
    {
        LedgerItemKind.HandoverFee => Pricing.HandoverFee(versions, item.EarnedOn),
        LedgerItemKind.Milestone => Pricing.Milestone(versions, item.Code!, item.EarnedOn),
        LedgerItemKind.DeliverableFee => Pricing.Deliverable(versions, item.Code!, item.Quantity, item.EarnedOn),
        _ => null,
    };
}
