using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Persistence;
using Partnerskab.Payment.RateCards;

namespace Partnerskab.Payment.Ledger;

/// <summary>Something earned, priced under the rate card in force on the day it was earned.</summary>
public sealed record Earning(
    Guid PartnershipId, string? CitizenId, LedgerItemKind Kind, string? Code, string CauseKey, LocalDate EarnedOn,
    RateCard? Card, Pricing.Priced Priced);

/// <summary>
/// Stages ledger items on the caller's transaction: earnings under the caps, and credits that
/// take an earlier item back. The caller holds <see cref="LockAsync"/> and saves.
/// </summary>
public static class LedgerBook
{
    public static string CreditKey(string creditedCauseKey) => $"credit:{creditedCauseKey}";

    /// <summary>
    /// Orders the writes that must see each other: with caps, every item of the partnership
    /// (caps count them all); without, an item and its credit (which may arrive first).
    /// </summary>
    public static Task LockAsync(PaymentDbContext db, Guid partnershipId, IEnumerable<RateCard> versions, string causeKey,
        CancellationToken cancellationToken)
    {
        var key = versions.Any(HasCaps) ? partnershipId.ToString() : causeKey;
        return db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", cancellationToken);
    }

    /// <summary>Books an earning, capped; null when its cause is booked already.</summary>
    public static async Task<LedgerItem?> EarnAsync(PaymentDbContext db, Earning earning, Guid? causeMessageId, Instant now,
        CancellationToken cancellationToken)
    {
        if (await IsBookedAsync(db, earning.CauseKey, cancellationToken)) return null;

        var original = earning.Priced.AmountOre;
        var result = await IsBookedAsync(db, CreditKey(earning.CauseKey), cancellationToken)
            ? new Caps.Result(0, CapKind.None, "taken back before it was booked, so booked at nothing")
            : Caps.Apply(original, earning.Card, await BookedAsync(db, earning, cancellationToken));
        var item = new LedgerItem
        {
            Id = MassTransit.NewId.NextSequentialGuid(),
            PartnershipId = earning.PartnershipId,
            CitizenId = earning.CitizenId,
            Kind = earning.Kind,
            Code = earning.Code,
            Quantity = earning.Priced.Quantity,
            UnitPriceOre = earning.Priced.UnitPriceOre,
            OriginalAmountOre = original,
            AmountOre = result.AmountOre,
            CappedBy = result.CappedBy,
            CauseKey = earning.CauseKey,
            CauseMessageId = causeMessageId,
            EarnedOn = earning.EarnedOn,
            RateCardVersion = earning.Priced.RateCardVersion,
            PricingNote = result.Note is null ? earning.Priced.Note : $"{earning.Priced.Note}; {result.Note}",
            RecordedAt = now,
        };
        db.Ledger.Add(item);
        return item;
    }

    /// <summary>
    /// Takes back what an earlier item booked, on the day of the credit; null when the credit is
    /// booked already. When the item is not booked yet, a credit of nothing stands in for it and
    /// the item is booked at nothing when it comes.
    /// </summary>
    public static async Task<LedgerItem?> CreditAsync(PaymentDbContext db, Guid partnershipId, string creditedCauseKey, string? citizenId,
        LocalDate creditedOn, string reason, Guid causeMessageId, Instant now, CancellationToken cancellationToken)
    {
        var causeKey = CreditKey(creditedCauseKey);
        if (await IsBookedAsync(db, causeKey, cancellationToken)) return null;

        var credited = await db.Ledger.AsNoTracking().FirstOrDefaultAsync(i => i.CauseKey == creditedCauseKey, cancellationToken);
        var item = new LedgerItem
        {
            Id = MassTransit.NewId.NextSequentialGuid(),
            PartnershipId = partnershipId,
            CitizenId = credited?.CitizenId ?? citizenId,
            Kind = LedgerItemKind.Credit,
            Code = credited?.Code,
            UnitPriceOre = -(credited?.AmountOre ?? 0),
            OriginalAmountOre = -(credited?.AmountOre ?? 0),
            AmountOre = -(credited?.AmountOre ?? 0),
            CreditsItemId = credited?.Id,
            CauseKey = causeKey,
            CauseMessageId = causeMessageId,
            EarnedOn = creditedOn,
            RateCardVersion = credited?.RateCardVersion,
            PricingNote = credited is null ? $"{reason}; nothing booked yet to take back" : $"{reason}; takes back {credited.CauseKey}",
            RecordedAt = now,
        };
        db.Ledger.Add(item);
        return item;
    }

    private static bool HasCaps(RateCard card) => card.CapPerCitizenOre is not null || card.CapPerYearOre is not null || card.CapContractOre is not null;

    private static async Task<bool> IsBookedAsync(PaymentDbContext db, string causeKey, CancellationToken cancellationToken) =>
        db.Ledger.Local.Any(i => i.CauseKey == causeKey) || await db.Ledger.AnyAsync(i => i.CauseKey == causeKey, cancellationToken);

    /// <summary>What is booked under the caps the earning falls under, staged items included; only for caps the card has.</summary>
    private static async Task<Caps.Booked> BookedAsync(PaymentDbContext db, Earning earning, CancellationToken cancellationToken)
    {
        if (earning.Card is not { } card || !HasCaps(card)) return new Caps.Booked(null, 0, 0);

        var year = earning.EarnedOn.Year;
        var citizenId = earning.CitizenId;
        var years = await db.LedgerYearTotals.AsNoTracking()
            .Where(t => t.PartnershipId == earning.PartnershipId)
            .ToListAsync(cancellationToken);
        var savedForCitizen = citizenId is null ? 0 : await db.Ledger
            .Where(i => i.PartnershipId == earning.PartnershipId && i.CitizenId == citizenId)
            .SumAsync(i => i.AmountOre, cancellationToken);
        var staged = db.ChangeTracker.Entries<LedgerItem>()
            .Where(e => e.State == EntityState.Added && e.Entity.PartnershipId == earning.PartnershipId)
            .Select(e => e.Entity)
            .ToList();
        return new Caps.Booked(
            citizenId is null ? null : savedForCitizen + staged.Where(i => i.CitizenId == citizenId).Sum(i => i.AmountOre),
            years.Where(t => t.Year == year).Sum(t => t.AmountOre) + staged.Where(i => i.EarnedOn.Year == year).Sum(i => i.AmountOre),
            years.Sum(t => t.AmountOre) + staged.Sum(i => i.AmountOre));
    }
}
