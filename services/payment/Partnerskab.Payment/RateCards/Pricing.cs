using NodaTime;

namespace Partnerskab.Payment.RateCards;

/// <summary>Prices what was earned on a date under the rate card version in force that day.</summary>
public static class Pricing
{
    /// <summary>A price before caps: whole units at a unit price, so the amount is always whole øre.</summary>
    /// <param name="Unpriced">No rate card was in force, or the one in force has no price for it: priced at 0 until one has.</param>
    public sealed record Priced(long UnitPriceOre, int Quantity, int? RateCardVersion, string Note, bool Unpriced = false)
    {
        public long AmountOre => checked(UnitPriceOre * Quantity);
    }

    public static RateCard? InForce(IEnumerable<RateCard> versions, LocalDate on) =>
        versions.Where(v => v.EffectiveFrom <= on).MaxBy(v => v.EffectiveFrom);

    public static Priced Milestone(IEnumerable<RateCard> versions, string code, LocalDate on) =>
        Price(versions, on, code, card => card.MilestonePrices.FirstOrDefault(p => p.MilestoneCode == code)?.AmountOre);

    public static Priced HandoverFee(IEnumerable<RateCard> versions, LocalDate on) =>
        Price(versions, on, "handover fee", card => card.HandoverFeeOre);

    public static Priced Deliverable(IEnumerable<RateCard> versions, string kind, int quantity, LocalDate on) =>
        Price(versions, on, kind, card => card.DeliverableFees.FirstOrDefault(f => f.DeliverableKind == kind)?.AmountOrePerUnit, quantity);

    private static Priced Price(IEnumerable<RateCard> versions, LocalDate on, string what, Func<RateCard, long?> unitPrice, int quantity = 1)
    {
        var card = InForce(versions, on);
        if (card is null) return new Priced(0, quantity, null, $"no rate card in force on {on:uuuu-MM-dd}", Unpriced: true);
        return unitPrice(card) is { } price
            ? new Priced(price, quantity, card.Version, quantity == 1 ? $"rate card v{card.Version}: {what}" : $"rate card v{card.Version}: {what} × {quantity}")
            : new Priced(0, quantity, card.Version, $"rate card v{card.Version} has no price for {what}", Unpriced: true);
    }
}
