using NodaTime;
using Partnerskab.Payment.RateCards;

namespace Partnerskab.Payment.Tests;

public sealed class RateCardVersionsTests
{
    [Fact]
    public void The_first_card_is_version_1()
    {
        RateCardVersions.Decide([], Card(new LocalDate(2024, 1, 1), 1_000_000)).ShouldBe(new RateCardVersions.Added(1));
    }

    [Fact]
    public void A_card_for_a_new_day_is_numbered_after_the_last_version_whatever_its_day()
    {
        var versions = new[] { Card(new LocalDate(2024, 1, 1), 1_000_000, version: 1), Card(new LocalDate(2024, 7, 1), 1_000_000, version: 2) };
        RateCardVersions.Decide(versions, Card(new LocalDate(2024, 4, 1), 2_000_000)).ShouldBe(new RateCardVersions.Added(3));
    }

    [Fact]
    public void The_same_terms_for_the_same_day_are_the_version_already_there()
    {
        var existing = Card(new LocalDate(2024, 1, 1), 1_000_000, version: 1);
        RateCardVersions.Decide([existing], Card(new LocalDate(2024, 1, 1), 1_000_000))
            .ShouldBeOfType<RateCardVersions.Unchanged>().Existing.ShouldBeSameAs(existing);
    }

    [Fact]
    public void Other_terms_for_a_day_that_has_a_version_clash_with_it()
    {
        var existing = Card(new LocalDate(2024, 1, 1), 1_000_000, version: 1);
        RateCardVersions.Decide([existing, Card(new LocalDate(2024, 7, 1), 1_000_000, version: 2)], Card(new LocalDate(2024, 1, 1), 1_000_001))
            .ShouldBeOfType<RateCardVersions.Clash>().Existing.ShouldBeSameAs(existing);
    }

    private static RateCard Card(LocalDate effectiveFrom, long handoverFeeOre, int version = 0) =>
        new() { Version = version, EffectiveFrom = effectiveFrom, HandoverFeeOre = handoverFeeOre };
}
