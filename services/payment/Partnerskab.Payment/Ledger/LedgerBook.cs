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

    public static bool HasCaps(IEnumerable<RateCard> versions) => versions.Any(v => v.HasCaps);

    /// <summary>
    /// Books an earning, capped: one item per payer of the card in force, their parts of the capped
    /// total (<see cref="PayerItems"/>). Answers the lead item (the only one, or the remainder
    /// payer's); null when its cause is booked already.
    /// </summary>
    public static LedgerItem? Earn(LedgerSnapshot ledger, Earning earning, Guid? causeMessageId, Instant now)
    {
        if (ledger.IsBooked(earning.CauseKey)) return null;

        var original = earning.Priced.AmountOre;
        var bookedOn = ledger.BookedOn(earning.PartnershipId, earning.EarnedOn);
        var result = ledger.IsBooked(CreditKey(earning.CauseKey))
            ? new Caps.Result(0, CapKind.None, "taken back before it was booked, so booked at nothing")
            : Caps.Apply(original, earning.Card, earning.Card is { HasCaps: true }
                ? ledger.Booked(earning.PartnershipId, earning.CitizenId, earning.EarnedOn.Year)
                : new Caps.Booked(null, 0, 0));
        var note = result.Note is null ? earning.Priced.Note : $"{earning.Priced.Note}; {result.Note}";
        var parts = PayerItems.Of(earning.Card, earning.Priced.UnitPriceOre, earning.Priced.Quantity, result.AmountOre);
        LedgerItem? lead = null;
        foreach (var part in parts)
        {
            var payer = earning.Card?.Payers.FirstOrDefault(p => p.PayerId == part.PayerId);
            var own = payer is null ? new Caps.Result(part.AmountOre, CapKind.None, null)
                : Caps.ApplyPayerCap(part.AmountOre, payer, ledger.PayerBooked(earning.PartnershipId, part.PayerId));
            var itemNote = parts.Count == 1 ? note : $"{note}; {part.PayerId}'s part";
            var item = ledger.Add(new LedgerItem
            {
                Id = MassTransit.NewId.NextSequentialGuid(),
                PartnershipId = earning.PartnershipId,
                CitizenId = earning.CitizenId,
                Kind = earning.Kind,
                Code = earning.Code,
                Quantity = earning.Priced.Quantity,
                UnitPriceOre = part.UnitPriceOre,
                OriginalAmountOre = part.OriginalAmountOre,
                AmountOre = own.AmountOre,
                CappedBy = own.CappedBy == CapKind.None ? result.CappedBy : own.CappedBy,
                CauseKey = earning.CauseKey,
                PayerId = part.PayerId,
                Lead = part.Lead,
                CauseMessageId = causeMessageId,
                EarnedOn = earning.EarnedOn,
                BookedOn = bookedOn,
                BookedAfterClosedPeriod = bookedOn != earning.EarnedOn,
                RateCardVersion = earning.Priced.RateCardVersion,
                PricingNote = own.Note is null ? itemNote : $"{itemNote}; {own.Note}",
                RecordedAt = now,
                Unpriced = earning.Priced.Unpriced,
            });
            if (part.Lead) lead = item;
        }
        return lead;
    }

    /// <summary>
    /// Takes back what an earlier item booked (each payer's item), and the price booked later for it if it was earned
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

    /// <summary>A credit per item booked for the cause (one per payer), each the opposite of its item; answers the lead credit.</summary>
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
        if (credited.Count > 0) effectiveOn = LocalDate.Max(effectiveOn, credited[0].EarnedOn);
        LedgerItem? lead = null;
        foreach (var item in credited.Count == 0 ? [null] : credited.Cast<LedgerItem?>().ToList())
        {
            var credit = ledger.Add(new LedgerItem
            {
                Id = MassTransit.NewId.NextSequentialGuid(),
                PartnershipId = partnershipId,
                CitizenId = item?.CitizenId ?? citizenId,
                Kind = LedgerItemKind.Credit,
                Code = item?.Code,
                UnitPriceOre = -(item?.AmountOre ?? 0),
                OriginalAmountOre = -(item?.AmountOre ?? 0),
                AmountOre = -(item?.AmountOre ?? 0),
                CreditsItemId = item?.Id,
                CauseKey = causeKey,
                PayerId = item?.PayerId ?? "",
                Lead = item?.Lead ?? true,
                CauseMessageId = causeMessageId,
                EarnedOn = effectiveOn,
                BookedOn = bookedOn,
                BookedAfterClosedPeriod = bookedOn != ownDay,
                RateCardVersion = item?.RateCardVersion,
                PricingNote = item is null ? $"{reason}; nothing booked yet to take back" : $"{reason}; takes back {item.CauseKey}",
                RecordedAt = now,
                CorrectionKind = correction?.Kind,
                CorrectionReference = correction?.Reference,
                CorrectionReportedBy = correction?.ReportedBy,
                CorrectionKnownAt = correction?.KnownAt,
            });
            if (credit.Lead) lead = credit;
        }
        return lead;
    }

}
