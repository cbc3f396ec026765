using Partnerskab.Payment.RateCards;

namespace Partnerskab.Payment.Ledger;

/// <summary>
/// What each payer is booked for of one earning: the ledger holds an item per payer of the rate
/// card in force, or one item ("" for the kommune alone) when the card names no payers. Each
/// payer's unit price is its part of the unit price (<see cref="Money.Split"/>), its full amount
/// that × the quantity, and its booked amount its part of what the caps left of the total, never
/// above its full amount (<see cref="Money.SplitWithin"/>), so the payers' items sum to the item's
/// figures exactly and a capped line's allowance is never negative.
/// </summary>
public static class PayerItems
{
    /// <param name="Lead">The remainder payer's part (or the only one): the item that counts the cause.</param>
    public sealed record Part(string PayerId, bool Lead, long UnitPriceOre, long OriginalAmountOre, long AmountOre);

    /// <param name="amountOre">What the item is booked at after the caps: from 0 up to quantity × unit price.</param>
    public static IReadOnlyList<Part> Of(RateCard? card, long unitPriceOre, int quantity, long amountOre)
    {
        if (card is not { Payers.Count: > 0 }) return [new Part("", true, unitPriceOre, checked(unitPriceOre * quantity), amountOre)];
        var remainder = card.Payers.FindIndex(p => p.PayerId == card.RemainderPayerId);
        var unitParts = Money.Split(unitPriceOre, [.. card.Payers.Select(p => (long)p.ShareBasisPoints)], remainder);
        var originals = unitParts.Select(u => checked(u * quantity)).ToArray();
        var amounts = Money.SplitWithin(amountOre, originals, remainder);
        return [.. card.Payers.Select((p, i) => new Part(p.PayerId, i == remainder, unitParts[i], originals[i], amounts[i]))];
    }
}
