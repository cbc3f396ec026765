using NodaTime;
using Partnerskab.Payment.RateCards;

namespace Partnerskab.Payment.Ledger;

/// <summary>Something earned, priced under the rate card in force on the day it was earned.</summary>
public sealed record Earning(
    Guid PartnershipId, string? CitizenId, LedgerItemKind Kind, string? Code, string CauseKey, LocalDate EarnedOn,
    RateCard? Card, Pricing.Priced Priced);

/// <summary>
/// Books ledger items into a <see cref="LedgerSnapshot"/>, as a pure decision over what it holds:
/// earnings under the caps, and credits that take an earlier item back. The caller holds the
/// causes' locks and reads the snapshot under them (<see cref="LedgerStore"/>), and writes the
/// snapshot's new items in its transaction.
/// </summary>
public static class LedgerBook
{
    public const string CreditPrefix = "credit:";
    public const string PricedPrefix = "priced:";

    public static string CreditKey(string creditedCauseKey) => CreditPrefix + creditedCauseKey;

    /// <summary>The key of the item that books the price of an item earned unpriced.</summary>
    public static string PricedKey(string unpricedCauseKey) => PricedPrefix + unpricedCauseKey;

    public static bool HasCaps(IEnumerable<RateCard> versions) => versions.Any(HasCaps);

    /// <summary>Books an earning, capped; null when its cause is booked already.</summary>
    public static LedgerItem? Earn(LedgerSnapshot ledger, Earning earning, Guid? causeMessageId, Instant now)
    {
        if (ledger.IsBooked(earning.CauseKey)) return null;

        var original = earning.Priced.AmountOre;
        var bookedOn = ledger.BookedOn(earning.PartnershipId, earning.EarnedOn);
        var result = ledger.IsBooked(CreditKey(earning.CauseKey))
            ? new Caps.Result(0, CapKind.None, "taken back before it was booked, so booked at nothing")
            : Caps.Apply(original, earning.Card, earning.Card is { } card && HasCaps(card)
                ? ledger.Booked(earning.PartnershipId, earning.CitizenId, earning.EarnedOn.Year)
                : new Caps.Booked(null, 0, 0));
        return ledger.Add(new LedgerItem
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
            BookedOn = bookedOn,
            BookedAfterClosedPeriod = bookedOn != earning.EarnedOn,
            RateCardVersion = earning.Priced.RateCardVersion,
            PricingNote = result.Note is null ? earning.Priced.Note : $"{earning.Priced.Note}; {result.Note}",
            RecordedAt = now,
            Unpriced = earning.Priced.Unpriced,
        });
    }

    /// <summary>
    /// Takes back what an earlier item booked, and the price booked later for it if it was earned
    /// unpriced; null when the credit is booked already. The credit is about the day the correction
    /// says (its effective day; without one, the day it was learnt), never before the day of the
    /// item it takes back, and is booked on the day it was
    /// learnt, or the first open day after it. When the item is not booked yet, a credit of nothing
    /// stands in for it and the item is booked at nothing when it comes.
    /// </summary>
    /// <param name="creditedOn">The day the suite learnt that the item is not due.</param>
    public static LedgerItem? Credit(LedgerSnapshot ledger, Guid partnershipId, string creditedCauseKey, string? citizenId,
        LocalDate creditedOn, string reason, Guid? causeMessageId, Instant now, Correction? correction = null)
    {
        var credit = CreditOne(ledger, partnershipId, creditedCauseKey, citizenId, creditedOn, reason, causeMessageId, now, correction);
        if (credit is not null && ledger.IsBooked(PricedKey(creditedCauseKey)))
        {
            CreditOne(ledger, partnershipId, PricedKey(creditedCauseKey), citizenId, creditedOn, reason, causeMessageId, now, correction);
        }
        return credit;
    }

    private static LedgerItem? CreditOne(LedgerSnapshot ledger, Guid partnershipId, string creditedCauseKey, string? citizenId,
        LocalDate creditedOn, string reason, Guid? causeMessageId, Instant now, Correction? correction)
    {
        var causeKey = CreditKey(creditedCauseKey);
        if (ledger.IsBooked(causeKey)) return null;

        // Booked when learnt (what is invoiced and paid goes by it), never before the day it is about.
        var ownDay = LocalDate.Max(creditedOn, correction?.EffectiveOn ?? creditedOn);
        var bookedOn = ledger.BookedOn(partnershipId, ownDay);

        var credited = ledger.Find(creditedCauseKey);
        // A fact about a day before the item it takes back (a week re-coded before the milestone's
        // day) takes the item back as of the item's own day: the outcome belongs to that day's year.
        var effectiveOn = correction?.EffectiveOn ?? creditedOn;
        if (credited is not null) effectiveOn = LocalDate.Max(effectiveOn, credited.EarnedOn);
        return ledger.Add(new LedgerItem
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
            EarnedOn = effectiveOn,
            BookedOn = bookedOn,
            BookedAfterClosedPeriod = bookedOn != ownDay,
            RateCardVersion = credited?.RateCardVersion,
            PricingNote = credited is null ? $"{reason}; nothing booked yet to take back" : $"{reason}; takes back {credited.CauseKey}",
            RecordedAt = now,
            CorrectionKind = correction?.Kind,
            CorrectionReference = correction?.Reference,
            CorrectionReportedBy = correction?.ReportedBy,
            CorrectionKnownAt = correction?.KnownAt,
        });
    }

    private static bool HasCaps(RateCard card) => card.CapPerCitizenOre is not null || card.CapPerYearOre is not null || card.CapContractOre is not null;
}
