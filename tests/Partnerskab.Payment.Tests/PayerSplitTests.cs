using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Partnerskab.Payment.RateCards;

namespace Partnerskab.Payment.Tests;

/// <summary>A price split across payers (<see cref="Money.Split"/>, <see cref="RateCard.PayerParts"/>).</summary>
public sealed class PayerSplitTests
{
    [Theory]
    [InlineData(2_500_000, 8_000, 2_000, 2_000_000, 500_000)]   // even: 80 % and 20 %
    [InlineData(1_001, 8_000, 2_000, 801, 200)]                  // 800.8 and 200.2: the kommune, the remainder payer, gets the øre left
    [InlineData(1, 5_000, 5_000, 1, 0)]                          // half an øre each: the whole øre to the remainder payer
    [InlineData(-1_001, 8_000, 2_000, -801, -200)]               // a credit splits as the opposite of its item
    public void Each_part_is_its_share_rounded_toward_zero_and_the_remainder_payer_gets_the_øre_left(
        long priceOre, long kommuneShare, long fundShare, long kommuneOre, long fundOre) =>
        Money.Split(priceOre, [kommuneShare, fundShare], remainderIndex: 0).ShouldBe([kommuneOre, fundOre]);

    [Fact]
    public void Three_payers_of_a_third_each_leave_two_øre_to_the_remainder_payer()
    {
        Money.Split(100, [3_334, 3_333, 3_333], remainderIndex: 2).ShouldBe([33, 33, 34]);
    }

    private static readonly Gen<(long Price, long[] Shares, int Remainder)> Splits =
        from price in Gen.Choose(-1_000_000, 1_000_000).SelectMany(high => Gen.Choose(0, 99_999).Select(low => (long)high * 100_000 + low))
        from count in Gen.Choose(1, 8)
        from shares in Gen.Choose(0, 10_000).ArrayOf(count)
        where shares.Sum() > 0
        from remainder in Gen.Choose(0, count - 1)
        select (price, shares.Select(s => (long)s).ToArray(), remainder);

    [Property(MaxTest = 2_000)]
    public Property The_parts_always_sum_to_the_price() =>
        Prop.ForAll(Splits.ToArbitrary(), s => Money.Split(s.Price, s.Shares, s.Remainder).Sum() == s.Price);

    [Property(MaxTest = 2_000)]
    public Property Every_part_but_the_remainder_payers_is_within_an_øre_of_its_exact_share_and_the_remainder_payers_within_one_per_payer() =>
        Prop.ForAll(Splits.ToArbitrary(), s =>
        {
            var parts = Money.Split(s.Price, s.Shares, s.Remainder);
            var total = (decimal)s.Shares.Sum();
            return parts.Select((part, i) => Math.Abs(part - s.Price * (s.Shares[i] / total)) < (i == s.Remainder ? s.Shares.Length : 1)).All(ok => ok);
        });

    [Property(MaxTest = 1_000)]
    public Property A_credit_splits_as_the_exact_opposite_of_the_item_it_takes_back() =>
        Prop.ForAll(Splits.ToArbitrary(), s => Money.Split(-s.Price, s.Shares, s.Remainder).SequenceEqual(Money.Split(s.Price, s.Shares, s.Remainder).Select(p => -p)));

    [Fact]
    public void A_rate_card_splits_each_price_across_its_payers_by_name_and_without_payers_not_at_all()
    {
        var card = new RateCard
        {
            Payers = [new Payer("KOMMUNE", "Haderslev Kommune", "29189722", "5798000020007", 8_000), new Payer("FUND", "Udfaldsfonden", "11223344", null, 2_000)],
            RemainderPayerId = "KOMMUNE",
        };

        card.PayerParts(2_500_001).ShouldBe([("KOMMUNE", 2_000_001L), ("FUND", 500_000L)]);
        new RateCard().PayerParts(2_500_001).ShouldBeEmpty();
    }

    [Fact]
    public void Shares_that_split_nothing_are_refused()
    {
        Should.Throw<ArgumentException>(() => Money.Split(100, [0, 0], 0));
        Should.Throw<ArgumentException>(() => Money.Split(100, [5, -1], 0));
        Should.Throw<ArgumentOutOfRangeException>(() => Money.Split(100, [5, 5], 2));
    }
}
