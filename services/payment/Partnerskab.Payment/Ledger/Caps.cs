using Partnerskab.Payment.RateCards;

namespace Partnerskab.Payment.Ledger;

public enum CapKind
{
    None = 0,
    PerCitizen = 1,
    PerCalendarYear = 2,
    Contract = 3,
    /// <summary>A payer's own cap on its share (<see cref="RateCards.Payer.CapOre"/>).</summary>
    Payer = 4,
}

/// <summary>
/// Applies the caps of the rate card in force when an item is earned. An item that would cross
/// a cap is booked at what is left under it (possibly nothing); its original amount and the cap
/// that cut it stay on the item, so nothing is dropped silently. Caps count what is booked,
/// credits included, so a credit frees room for later items; an item once capped is not
/// re-priced when room appears later.
/// </summary>
public static class Caps
{
    /// <summary>What is booked so far under each cap the new item falls under; CitizenOre is null for items without a citizen.</summary>
    public sealed record Booked(long? CitizenOre, long YearOre, long ContractOre);

    public sealed record Result(long AmountOre, CapKind CappedBy, string? Note);

    public static Result Apply(long originalOre, RateCard? card, Booked booked)
    {
        if (card is null || originalOre <= 0) return new Result(originalOre, CapKind.None, null);

        // The most specific cap first, so that of equally tight caps the citizen's is named.
        (CapKind Kind, long? Cap, long? Booked)[] caps =
        [
            (CapKind.PerCitizen, card.CapPerCitizenOre, booked.CitizenOre),
            (CapKind.PerCalendarYear, card.CapPerYearOre, booked.YearOre),
            (CapKind.Contract, card.CapContractOre, booked.ContractOre),
        ];
        var tightest = caps
            .Where(c => c is { Cap: not null, Booked: not null })
            .Select(c => (c.Kind, c.Cap, Room: Math.Max(0, c.Cap!.Value - c.Booked!.Value)))
            .OrderBy(c => c.Room)
            .FirstOrDefault(c => c.Room < originalOre);
        return tightest.Kind == CapKind.None
            ? new Result(originalOre, CapKind.None, null)
            : new Result(tightest.Room, tightest.Kind,
                $"capped by the {Describe(tightest.Kind)} of {Money.Decimal2(tightest.Cap!.Value)} DKK: {Money.Decimal2(tightest.Room)} of {Money.Decimal2(originalOre)} DKK booked");
    }

    /// <summary>
    /// A payer's part under its own cap: what is left of the cap after what the payer has booked,
    /// credits counted. What the cap cuts off is paid by no one: the other payers pay their shares only.
    /// </summary>
    public static Result ApplyPayerCap(long partOre, RateCards.Payer payer, long bookedByPayerOre)
    {
        if (payer.CapOre is not { } cap || partOre <= 0) return new Result(partOre, CapKind.None, null);
        var room = Math.Max(0, cap - bookedByPayerOre);
        return room >= partOre
            ? new Result(partOre, CapKind.None, null)
            : new Result(room, CapKind.Payer, $"capped by {payer.PayerId}'s cap of {Money.Decimal2(cap)} DKK: {Money.Decimal2(room)} of {Money.Decimal2(partOre)} DKK booked");
    }

    public static string Describe(CapKind kind) => kind switch
    {
        CapKind.PerCitizen => "per-citizen cap",
        CapKind.PerCalendarYear => "calendar-year cap",
        CapKind.Contract => "contract cap",
        CapKind.Payer => "payer's cap",
        _ => "no cap",
    };
}
