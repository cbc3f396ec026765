using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Partnerskab.Payment.Ledger;
using Partnerskab.Payment.RateCards;

namespace Partnerskab.Payment.Tests;

public sealed class CapsTests
{
    private static readonly RateCard Capped = new()
    {
        CapPerCitizenOre = 6_000_000,
        CapPerYearOre = 100_000_000,
        CapContractOre = 250_000_000,
    };

    [Fact]
    public void An_item_under_every_cap_is_booked_in_full()
    {
        Caps.Apply(2_500_000, Capped, new Caps.Booked(1_000_000, 50_000_000, 50_000_000))
            .ShouldBe(new Caps.Result(2_500_000, CapKind.None, null));
    }

    [Fact]
    public void An_item_that_exactly_reaches_a_cap_is_booked_in_full()
    {
        Caps.Apply(2_500_000, Capped, new Caps.Booked(3_500_000, 0, 0)).ShouldBe(new Caps.Result(2_500_000, CapKind.None, null));
    }

    [Fact]
    public void The_item_that_crosses_a_cap_is_booked_at_what_is_left_and_says_so()
    {
        var result = Caps.Apply(2_500_000, Capped, new Caps.Booked(3_500_001, 0, 0));
        result.AmountOre.ShouldBe(2_499_999);
        result.CappedBy.ShouldBe(CapKind.PerCitizen);
        result.Note.ShouldBe("capped by the per-citizen cap of 60000.00 DKK: 24999.99 of 25000.00 DKK booked");
    }

    [Fact]
    public void An_item_after_a_cap_is_reached_is_booked_at_nothing_but_booked()
    {
        Caps.Apply(2_500_000, Capped, new Caps.Booked(0, 100_000_000, 100_000_000))
            .ShouldBe(new Caps.Result(0, CapKind.PerCalendarYear, "capped by the calendar-year cap of 1000000.00 DKK: 0.00 of 25000.00 DKK booked"));
    }

    [Fact]
    public void A_total_already_over_a_lowered_cap_leaves_no_room_rather_than_negative_room()
    {
        Caps.Apply(1, Capped, new Caps.Booked(0, 0, 300_000_000)).ShouldBe(
            new Caps.Result(0, CapKind.Contract, "capped by the contract cap of 2500000.00 DKK: 0.00 of 0.01 DKK booked"));
    }

    [Fact]
    public void The_tightest_cap_binds_and_of_equal_ones_the_most_specific_is_named()
    {
        Caps.Apply(2_500_000, Capped, new Caps.Booked(5_000_000, 99_500_000, 0)).CappedBy.ShouldBe(CapKind.PerCalendarYear);
        Caps.Apply(2_500_000, Capped, new Caps.Booked(5_000_000, 99_000_000, 249_000_000)).CappedBy.ShouldBe(CapKind.PerCitizen);
    }

    [Fact]
    public void The_citizen_cap_does_not_apply_to_items_without_a_citizen()
    {
        Caps.Apply(9_000_000, Capped, new Caps.Booked(null, 0, 0)).ShouldBe(new Caps.Result(9_000_000, CapKind.None, null));
    }

    [Fact]
    public void A_credit_frees_room_under_a_cap()
    {
        // 60,000 booked, then 25,000 credited: 35,000 counts, 25,000 is free again.
        Caps.Apply(2_500_000, Capped, new Caps.Booked(6_000_000 - 2_500_000, 0, 0)).AmountOre.ShouldBe(2_500_000);
    }

    [Fact]
    public void Without_caps_or_without_a_price_nothing_is_capped()
    {
        Caps.Apply(2_500_000, new RateCard(), new Caps.Booked(long.MaxValue / 2, 0, 0)).CappedBy.ShouldBe(CapKind.None);
        Caps.Apply(2_500_000, null, new Caps.Booked(0, 0, 0)).CappedBy.ShouldBe(CapKind.None);
        Caps.Apply(0, Capped, new Caps.Booked(6_000_000, 0, 0)).ShouldBe(new Caps.Result(0, CapKind.None, null));
    }

    [Property(MaxTest = 300)]
    public Property Booking_any_items_in_any_order_never_passes_a_cap_and_never_books_more_than_earned()
    {
        var items = Gen.Choose(0, 3)
            .SelectMany(citizen => Gen.Choose(0, 3_000_000).Select(amount => (Citizen: citizen, Amount: (long)amount)))
            .ListOf();
        return Prop.ForAll(items.ToArbitrary(), list =>
        {
            var card = new RateCard { CapPerCitizenOre = 5_000_000, CapContractOre = 12_000_000 };
            var perCitizen = new long[4];
            long contract = 0;
            foreach (var (citizen, amount) in list)
            {
                var result = Caps.Apply(amount, card, new Caps.Booked(perCitizen[citizen], contract, contract));
                if (result.AmountOre > amount || result.AmountOre < 0) return false;
                if ((result.AmountOre < amount) != (result.CappedBy != CapKind.None)) return false;
                perCitizen[citizen] += result.AmountOre;
                contract += result.AmountOre;
            }
            return contract <= 12_000_000 && perCitizen.All(c => c <= 5_000_000)
                && (contract == 12_000_000 || perCitizen.Any(c => c == 5_000_000) || list.Sum(i => i.Amount) == contract);
        });
    }
}
