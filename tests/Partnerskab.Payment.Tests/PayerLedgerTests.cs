using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Partnerskab.Payment.Ledger;
using Partnerskab.Payment.RateCards;

namespace Partnerskab.Payment.Tests;

/// <summary>A price split across payers in the ledger: an item per payer, caps on the total, credits per payer.</summary>
public sealed class PayerLedgerTests
{
    private static readonly Guid PartnershipId = Guid.Parse("0193a000-0000-7000-8000-000000000002");
    private static readonly Instant Now = Instant.FromUtc(2024, 6, 1, 10, 0);
    private static readonly LocalDate March = new(2024, 3, 15);

    [Fact]
    public void An_earning_under_a_split_card_books_an_item_per_payer_summing_to_the_price_with_the_øre_to_the_remainder_payer()
    {
        var ledger = LedgerSnapshot.Of([]);
        var lead = LedgerBook.Earn(ledger, Milestone("milestone:a", "CIT1", SplitCard(2_500_001)), null, Now).ShouldNotBeNull();

        ledger.Added.Select(i => (i.PayerId, i.Lead, i.UnitPriceOre, i.OriginalAmountOre, i.AmountOre, i.CauseKey)).ShouldBe(
        [
            ("KOMMUNE", true, 2_000_001L, 2_000_001L, 2_000_001L, "milestone:a"),
            ("FUND", false, 500_000L, 500_000L, 500_000L, "milestone:a"),
        ]);
        lead.PayerId.ShouldBe("KOMMUNE");
        ledger.Added[1].PricingNote.ShouldBe("rate card v1: JOB_START; FUND's part");
        LedgerBook.Earn(ledger, Milestone("milestone:a", "CIT1", SplitCard(2_500_001)), null, Now).ShouldBeNull("the cause is booked, for every payer");
    }

    [Fact]
    public void A_card_without_payers_books_one_item_for_the_kommune_as_before()
    {
        var ledger = LedgerSnapshot.Of([]);
        LedgerBook.Earn(ledger, Milestone("milestone:a", "CIT1", SplitCard(2_500_000, payers: false)), null, Now);

        ledger.Added.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            i => i.PayerId.ShouldBe(""), i => i.Lead.ShouldBeTrue(), i => i.AmountOre.ShouldBe(2_500_000), i => i.PricingNote.ShouldBe("rate card v1: JOB_START"));
    }

    [Fact]
    public void A_cap_applies_to_the_total_and_each_payer_bears_its_share_of_what_it_cut()
    {
        var card = SplitCard(2_500_000, change: c => c.CapPerCitizenOre = 3_000_000);
        var ledger = LedgerSnapshot.Of([Booked("handover:x", "CIT1", 1_000_000)]);

        LedgerBook.Earn(ledger, Milestone("milestone:a", "CIT1", card), null, Now);

        ledger.Added.Sum(i => i.AmountOre).ShouldBe(2_000_000, "the citizen's cap leaves 20,000 kr of the total");
        ledger.Added.Select(i => (i.PayerId, i.OriginalAmountOre, i.AmountOre, i.CappedBy)).ShouldBe(
        [
            ("KOMMUNE", 2_000_000L, 1_600_000L, CapKind.PerCitizen),
            ("FUND", 500_000L, 400_000L, CapKind.PerCitizen),
        ]);
        ledger.Booked(PartnershipId, "CIT1", 2024).CitizenOre.ShouldBe(3_000_000, "the caps count every payer's items");
    }

    [Fact]
    public void A_payer_capping_its_share_is_booked_up_to_its_cap_and_no_other_payer_takes_over_the_rest()
    {
        var card = SplitCard(2_500_000);
        card.Payers[1] = card.Payers[1] with { CapOre = 700_000 };
        var fundBefore = Booked("handover:x", "CIT1", 200_000);
        fundBefore.PayerId = "FUND";
        var ledger = LedgerSnapshot.Of([fundBefore]);

        LedgerBook.Earn(ledger, Milestone("milestone:a", "CIT1", card), null, Now);
        LedgerBook.Earn(ledger, Milestone("milestone:b", "CIT2", card), null, Now);

        ledger.Added.Select(i => (i.CauseKey, i.PayerId, i.AmountOre, i.CappedBy)).ShouldBe(
        [
            ("milestone:a", "KOMMUNE", 2_000_000L, CapKind.None),
            ("milestone:a", "FUND", 500_000L, CapKind.None),
            ("milestone:b", "KOMMUNE", 2_000_000L, CapKind.None),
            ("milestone:b", "FUND", 0L, CapKind.Payer),
        ]);
        ledger.Added[3].PricingNote.ShouldBe("rate card v1: JOB_START; FUND's part; capped by FUND's cap of 7000.00 DKK: 0.00 of 5000.00 DKK booked");
        LedgerBook.HasCaps([card]).ShouldBeTrue("a payer's cap makes the partnership's bookings count what is booked");
    }

    [Fact]
    public void A_credit_takes_back_each_payers_item_with_its_payer()
    {
        var ledger = LedgerSnapshot.Of([]);
        LedgerBook.Earn(ledger, Milestone("milestone:a", "CIT1", SplitCard(2_500_001)), null, Now);
        var earned = ledger.Added.ToList();

        var lead = LedgerBook.Credit(ledger, PartnershipId, "milestone:a", "CIT1", new LocalDate(2024, 5, 2), "revoked", Guid.NewGuid(), Now).ShouldNotBeNull();

        var credits = ledger.Find("credit:milestone:a");
        credits.Select(c => (c.PayerId, c.Lead, c.AmountOre, c.CreditsItemId)).ShouldBe(earned.Select(e => (e.PayerId, e.Lead, -e.AmountOre, (Guid?)e.Id)));
        lead.PayerId.ShouldBe("KOMMUNE");
        LedgerBook.Credit(ledger, PartnershipId, "milestone:a", "CIT1", new LocalDate(2024, 5, 3), "again", Guid.NewGuid(), Now).ShouldBeNull();
    }

    [Fact]
    public void A_credit_before_its_item_stands_in_once_and_the_item_comes_at_nothing_for_every_payer()
    {
        var ledger = LedgerSnapshot.Of([]);
        LedgerBook.Credit(ledger, PartnershipId, "milestone:a", "CIT1", March, "revoked", Guid.NewGuid(), Now);
        LedgerBook.Earn(ledger, Milestone("milestone:a", "CIT1", SplitCard(2_500_000)), null, Now);

        ledger.Added.Select(i => (i.Kind, i.PayerId, i.AmountOre)).ShouldBe(
            [(LedgerItemKind.Credit, "", 0L), (LedgerItemKind.Milestone, "KOMMUNE", 0L), (LedgerItemKind.Milestone, "FUND", 0L)]);
    }

    private static readonly Gen<(long Unit, int Quantity, int KommuneShare, int Cut, bool KommuneRemainder)> Items =
        from unit in Gen.Choose(0, 5_000_000)
        from quantity in Gen.Choose(1, 12)
        from share in Gen.Choose(1, 9_999)
        from cutPerMille in Gen.Choose(0, 1_000)
        from kommuneRemainder in Gen.Elements(true, false)
        select ((long)unit, quantity, share, cutPerMille, kommuneRemainder);

    [Property(MaxTest = 2_000)]
    public Property Each_payers_item_stays_within_its_full_part_and_the_payers_items_sum_to_the_items_figures() =>
        Prop.ForAll(Items.ToArbitrary(), x =>
        {
            var card = new RateCard
            {
                Payers = [new Payer("KOMMUNE", "K", "29189722", null, x.KommuneShare), new Payer("FUND", "F", "11223344", null, 10_000 - x.KommuneShare)],
                RemainderPayerId = x.KommuneRemainder ? "KOMMUNE" : "FUND",
            };
            var original = x.Unit * x.Quantity;
            var booked = original * x.Cut / 1_000;
            var parts = PayerItems.Of(card, x.Unit, x.Quantity, booked);
            return parts.Sum(p => p.UnitPriceOre) == x.Unit && parts.Sum(p => p.OriginalAmountOre) == original && parts.Sum(p => p.AmountOre) == booked
                && parts.All(p => p.AmountOre >= 0 && p.AmountOre <= p.OriginalAmountOre && p.OriginalAmountOre == p.UnitPriceOre * x.Quantity)
                && parts.Count(p => p.Lead) == 1 && parts.Single(p => p.Lead).PayerId == card.RemainderPayerId;
        });

    [Property(MaxTest = 2_000)]
    public Property Split_within_never_passes_a_ceiling_and_sums_to_the_amount() =>
        Prop.ForAll(Gen.Choose(0, 1_000).ArrayOf().Where(c => c.Length is > 0 and < 8).ToArbitrary(), Gen.Choose(0, 1_000).ToArbitrary(),
            (ceilings, perMille) =>
            {
                var limits = ceilings.Select(c => (long)c).ToArray();
                var amount = limits.Sum() * perMille / 1_000;
                var parts = Money.SplitWithin(amount, limits, remainderIndex: limits.Length - 1);
                return parts.Sum() == amount && parts.Select((p, i) => p >= 0 && p <= limits[i]).All(ok => ok);
            });

    private static RateCard SplitCard(long price, bool payers = true, Action<RateCard>? change = null)
    {
        var card = new RateCard
        {
            PartnershipId = PartnershipId, Version = 1, EffectiveFrom = new LocalDate(2024, 1, 1), MilestonePrices = [new("JOB_START", price)],
        };
        if (payers)
        {
            card.Payers = [new Payer("KOMMUNE", "Haderslev Kommune", "29189722", "5798000020007", 8_000), new Payer("FUND", "Udfaldsfonden", "11223344", null, 2_000)];
            card.RemainderPayerId = "KOMMUNE";
        }
        change?.Invoke(card);
        return card;
    }

    private static Earning Milestone(string causeKey, string citizenId, RateCard card) =>
        new(PartnershipId, citizenId, LedgerItemKind.Milestone, "JOB_START", causeKey, March, card, Pricing.Milestone([card], "JOB_START", March));

    private static LedgerItem Booked(string causeKey, string citizenId, long amountOre) => new()
    {
        Id = Guid.NewGuid(), PartnershipId = PartnershipId, CitizenId = citizenId, Kind = LedgerItemKind.HandoverFee, CauseKey = causeKey,
        UnitPriceOre = amountOre, OriginalAmountOre = amountOre, AmountOre = amountOre, EarnedOn = March, BookedOn = March, PricingNote = "booked before",
    };
}
