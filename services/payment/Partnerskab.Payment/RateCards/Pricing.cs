using NodaTime;

namespace Partnerskab.Payment.RateCards;

/// <summary>Prices what was earned on a date under the rate card version in force that day.</summary>
public static class Pricing
{
    public sealed record Priced(long AmountOre, int? RateCardVersion, string Note);

    public static RateCard? InForce(IEnumerable<RateCard> versions, LocalDate on) =>
        versions.Where(v => v.EffectiveFrom <= on).MaxBy(v => v.EffectiveFrom);

    public static Priced Milestone(IEnumerable<RateCard> versions, string code, LocalDate on)
    {
        var card = InForce(versions, on);
        if (card is null) return new Priced(0, null, $"no rate card in force on {on:uuuu-MM-dd}");
        var price = card.MilestonePrices.FirstOrDefault(p => p.MilestoneCode == code);
        return price is null
            ? new Priced(0, card.Version, $"rate card v{card.Version} has no price for {code}")
            : new Priced(price.AmountOre, card.Version, $"rate card v{card.Version}: {code}");
    }

    public static Priced HandoverFee(IEnumerable<RateCard> versions, LocalDate on)
    {
        var card = InForce(versions, on);
        return card is null
            ? new Priced(0, null, $"no rate card in force on {on:uuuu-MM-dd}")
            : new Priced(card.HandoverFeeOre, card.Version, $"rate card v{card.Version}: handover fee");
    }
}
