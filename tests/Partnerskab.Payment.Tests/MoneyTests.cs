namespace Partnerskab.Payment.Tests;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(1, 2500, 0)]          // 0.25 øre
    [InlineData(2, 2500, 1)]          // 0.5 øre: half away from zero
    [InlineData(6, 2500, 2)]          // 1.5 øre
    [InlineData(10, 2500, 3)]         // 2.5 øre
    [InlineData(-2, 2500, -1)]        // -0.5 øre: away from zero, not towards it
    [InlineData(-10, 2500, -3)]
    [InlineData(3_500_000, 2500, 875_000)]
    [InlineData(100_000_000_000, 2500, 25_000_000_000)]
    [InlineData(999, 1250, 125)]      // 124.875 øre at 12.5 %
    [InlineData(4, 1250, 1)]          // 0.5 øre at 12.5 %
    [InlineData(123_457, 0, 0)]       // exempt
    public void VAT_is_rounded_to_whole_øre_half_away_from_zero(long taxableOre, int rateBasisPoints, long vatOre) =>
        Money.Vat(taxableOre, rateBasisPoints).ShouldBe(vatOre);

    [Fact]
    public void VAT_on_the_sum_of_lines_is_not_the_sum_of_VAT_per_line()
    {
        // Three lines of 2 øre: per line 0.5 → 1 øre each (3 øre), on the sum 1.5 → 2 øre.
        // The invoice uses the sum (BR-CO-17), so its VAT breakdown equals the sum of its lines.
        long[] lines = [2, 2, 2];
        Money.Vat(lines.Sum(), 2500).ShouldBe(2);
        lines.Sum(l => Money.Vat(l, 2500)).ShouldBe(3);
    }

    [Theory]
    [InlineData(350_000_000, 150, 2_333_333)]
    [InlineData(5, 2, 3)]
    [InlineData(-5, 2, -3)]
    [InlineData(7, 0, 0)]
    public void Shares_per_citizen_round_the_same_way(long totalOre, long citizens, long perCitizenOre) =>
        Money.Share(totalOre, 1, citizens).ShouldBe(perCitizenOre);

    [Theory]
    [InlineData(928_221_000, 1_124_631_000, 8254)]
    [InlineData(7_299, 4_725, 15448)]
    [InlineData(1, 0, 0)]
    public void Share_spent_is_in_hundredths_of_a_percent(long spentOre, long budgetOre, long basisPoints) =>
        Money.BasisPoints(spentOre, budgetOre).ShouldBe(basisPoints);

    [Theory]
    [InlineData(0, "0.00")]
    [InlineData(5, "0.05")]
    [InlineData(123_456, "1234.56")]
    [InlineData(-250, "-2.50")]
    public void UBL_amounts_have_two_decimals_and_a_point(long ore, string text) => Money.Decimal2(ore).ShouldBe(text);
}
