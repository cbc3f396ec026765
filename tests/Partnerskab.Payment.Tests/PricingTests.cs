using NodaTime;
using Partnerskab.Payment.RateCards;

namespace Partnerskab.Payment.Tests;

public sealed class PricingTests
{
    private static readonly RateCard[] Versions =
    [
        Card(1, new LocalDate(2023, 3, 1), handoverFee: 1_000_000, ("JOB_START", 2_500_000)),
        Card(2, new LocalDate(2024, 1, 1), handoverFee: 1_100_000, ("JOB_START", 2_750_000), ("FLEX_JOB", 1_500_050)),
    ];

    [Fact]
    public void A_milestone_is_priced_by_the_version_in_force_on_the_day_it_was_reached()
    {
        Pricing.Milestone(Versions, "JOB_START", new LocalDate(2023, 12, 31)).ShouldBe(new Pricing.Priced(2_500_000, 1, 1, "rate card v1: JOB_START"));
        Pricing.Milestone(Versions, "JOB_START", new LocalDate(2024, 1, 1)).AmountOre.ShouldBe(2_750_000);
        Pricing.Milestone(Versions, "FLEX_JOB", new LocalDate(2025, 6, 30)).AmountOre.ShouldBe(1_500_050);
    }

    [Fact]
    public void A_missing_price_is_zero_marked_unpriced_with_the_reason_written_down()
    {
        var unpriced = Pricing.Milestone(Versions, "FLEX_JOB", new LocalDate(2023, 6, 1));
        (unpriced.AmountOre, unpriced.Unpriced).ShouldBe((0, true));
        unpriced.Note.ShouldBe("rate card v1 has no price for FLEX_JOB");

        var beforeAnyCard = Pricing.HandoverFee(Versions, new LocalDate(2023, 2, 28));
        beforeAnyCard.ShouldBe(new Pricing.Priced(0, 1, null, "no rate card in force on 2023-02-28", Unpriced: true));
        Pricing.HandoverFee(Versions, new LocalDate(2023, 4, 3)).Unpriced.ShouldBeFalse();
    }

    [Fact]
    public void The_handover_fee_follows_the_version_in_force()
    {
        Pricing.HandoverFee(Versions, new LocalDate(2023, 4, 3)).AmountOre.ShouldBe(1_000_000);
        Pricing.HandoverFee(Versions, new LocalDate(2024, 4, 3)).AmountOre.ShouldBe(1_100_000);
    }

    [Fact]
    public void A_deliverable_is_priced_per_unit()
    {
        var analysis = Pricing.Deliverable(Versions, "CaseAnalysis", 50, new LocalDate(2023, 9, 30));
        analysis.ShouldBe(new Pricing.Priced(40_000, 50, 1, "rate card v1: CaseAnalysis × 50"));
        analysis.AmountOre.ShouldBe(2_000_000);
        Pricing.Deliverable(Versions, "TeachingDay", 1, new LocalDate(2023, 9, 30)).Note.ShouldBe("rate card v1 has no price for TeachingDay");
    }

    private static RateCard Card(int version, LocalDate from, long handoverFee, params (string Code, long Ore)[] prices) => new()
    {
        Version = version,
        EffectiveFrom = from,
        HandoverFeeOre = handoverFee,
        MilestonePrices = prices.Select(p => new MilestonePrice(p.Code, p.Ore)).ToList(),
        DeliverableFees = [new DeliverableFee("CaseAnalysis", 40_000)],
    };
}
