using NodaTime;
using Partnerskab.Payment.Investments;
using static Partnerskab.Payment.Investments.RateOfReturn;

namespace Partnerskab.Payment.Tests.Investments;

public sealed class RateOfReturnTests
{
    private static readonly LocalDate Start = new(2023, 4, 1);

    private static CashFlow At(int days, long ore) => new(Start.PlusDays(days), ore);

    // Two cash flows: (received / paid)^(365 / days) − 1 solves paid = received × (1 + r)^(−days/365) by hand.
    [Theory]
    [InlineData(100_000_00, 110_000_00, 365)]      // 10 % over a year
    [InlineData(100_000_00, 121_000_00, 730)]      // 10 % a year over two
    [InlineData(2_500_000_00, 2_650_000_00, 366)]  // over 2024's leap day: 366 days are more than a year
    [InlineData(1_000_000_00, 800_000_00, 500)]    // a loss
    [InlineData(50_000_00, 50_100_00, 9)]          // a few days
    public void Two_cash_flows_have_the_rate_that_compounds_one_into_the_other(long paidOre, long receivedOre, int days)
    {
        var result = Of([At(0, -paidOre), At(days, receivedOre)]);

        result.Outcome.ShouldBe(Outcome.Rate);
        var expected = Math.Pow((double)receivedOre / paidOre, 365.0 / days) - 1;
        result.Rate!.Value.ShouldBe(expected, Tolerance);
    }

    [Fact]
    public void Three_cash_flows_with_one_sign_change_have_the_rate_of_the_quadratic_they_make()
    {
        // −1000 + 600x + 600x² = 0 for x = 1 / (1 + r), years of exactly 365 days.
        var result = Of([At(0, -1000_00), At(365, 600_00), At(730, 600_00)]);

        var x = (-600 + Math.Sqrt(600.0 * 600 + 4 * 600 * 1000)) / (2 * 600);
        result.Outcome.ShouldBe(Outcome.Rate);
        result.Rate!.Value.ShouldBe(1 / x - 1, Tolerance);
    }

    [Fact]
    public void Uneven_dates_give_a_rate_at_which_the_present_value_is_zero_and_spreadsheets_agree()
    {
        // Microsoft's documented example of the spreadsheet function XIRR, whose answer it gives as 0.373362535.
        var flows = new[]
        {
            new CashFlow(new LocalDate(2008, 1, 1), -10_000_00), new CashFlow(new LocalDate(2008, 3, 1), 2_750_00),
            new CashFlow(new LocalDate(2008, 10, 30), 4_250_00), new CashFlow(new LocalDate(2009, 2, 15), 3_250_00),
            new CashFlow(new LocalDate(2009, 4, 1), 2_750_00),
        };

        var rate = Of(flows).Rate!.Value;

        var presentValue = flows.Sum(f => f.AmountOre / Math.Pow(1 + rate, Period.DaysBetween(flows[0].On, f.On) / 365.0));
        presentValue.ShouldBe(0, 1e-3, "øre: within 1e-9 of the rate, the present value of 10,000 kroner is within a thousandth of an øre of 0");
        rate.ShouldBe(0.373362535, 1e-8);
    }

    [Theory]
    [InlineData(new long[] { })]
    [InlineData(new long[] { -1_000_00 })]
    [InlineData(new long[] { -1_000_00, -500_00 })]
    [InlineData(new long[] { 300_00, 700_00 })]
    public void Cash_flows_that_never_change_sign_have_no_solution(long[] amounts)
    {
        var result = Of(amounts.Select((ore, i) => At(i * 100, ore)));

        result.ShouldBe(new Result(Outcome.NoSolution, null, []), "nothing drawn, or nothing paid back yet");
    }

    [Fact]
    public void Cash_flows_of_one_day_are_netted_before_the_signs_are_read()
    {
        Of([At(0, -1_000_00), At(0, 1_000_00), At(365, 50_00)]).Outcome.ShouldBe(Outcome.NoSolution);
    }

    [Fact]
    public void Several_sign_changes_with_two_rates_give_both_and_choose_neither()
    {
        // −100 + 230x − 132x² = 0 has x = 230 ± 10 over 264: r = 10 % and r = 20 %.
        var result = Of([At(0, -100_00), At(365, 230_00), At(730, -132_00)]);

        result.Outcome.ShouldBe(Outcome.SeveralRates);
        result.Rate.ShouldBeNull();
        result.Candidates.Count.ShouldBe(2);
        result.Candidates[0].ShouldBe(0.1, Tolerance);
        result.Candidates[1].ShouldBe(0.2, Tolerance);
    }

    [Fact]
    public void Several_sign_changes_where_no_rate_makes_the_present_value_zero_say_so()
    {
        // −100 + 100x − 100x² < 0 for every x.
        Of([At(0, -100_00), At(365, 100_00), At(730, -100_00)]).ShouldBe(new Result(Outcome.NoRateFound, null, []));
    }

    [Fact]
    public void A_rate_beyond_the_range_searched_is_not_found()
    {
        // A billion-fold return in a day: far above 100,000 % a year.
        Of([At(0, -1), At(1, 1_000_000_000)]).Outcome.ShouldBe(Outcome.NoRateFound);
    }

    [Fact]
    public void A_long_horizon_near_total_loss_is_computed_without_overflow()
    {
        var days = 150 * 365;
        var result = Of([At(0, -1_000_000_000_00), At(days, 5_000_00)]);

        result.Rate!.Value.ShouldBe(Math.Pow(5_000_00 / 1_000_000_000_00.0, 365.0 / days) - 1, Tolerance);
    }

    [Fact]
    public void The_order_the_cash_flows_come_in_does_not_matter()
    {
        CashFlow[] flows = [At(0, -400_000_00), At(90, -250_000_00), At(400, 300_000_00), At(700, 200_000_00), At(900, 250_000_00)];

        var forwards = Of(flows);
        var backwards = Of(flows.Reverse());

        forwards.Outcome.ShouldBe(Outcome.Rate);
        backwards.ShouldBe(forwards with { Candidates = backwards.Candidates });
        backwards.Candidates.ShouldBe(forwards.Candidates);
    }
}
