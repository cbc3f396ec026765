using NodaTime;

namespace Partnerskab.Payment.RateCards;

/// <summary>
/// One version of a partnership's prices, effective from its date until the next version's.
/// Versions are never changed once added. Amounts are whole øre.
/// </summary>
public sealed class RateCard
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public int Version { get; set; }
    public LocalDate EffectiveFrom { get; set; }
    public long HandoverFeeOre { get; set; }
    public List<MilestonePrice> MilestonePrices { get; set; } = [];
    public Instant CreatedAt { get; set; }

    public bool SamePricesAs(RateCard other) =>
        HandoverFeeOre == other.HandoverFeeOre
        && MilestonePrices.OrderBy(p => p.MilestoneCode, StringComparer.Ordinal)
            .SequenceEqual(other.MilestonePrices.OrderBy(p => p.MilestoneCode, StringComparer.Ordinal));
}

public sealed record MilestonePrice(string MilestoneCode, long AmountOre);
