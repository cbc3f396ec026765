using Partnerskab.Cli.Finance;
using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Cli.Tests;

public sealed class CostTableTests
{
    [Fact]
    public void The_cost_is_printed_per_year_like_the_budget_follow_up_with_a_total_line()
    {
        var cost = new GetPartnershipCostResponse
        {
            PartnershipId = "p", AsOf = new Google.Type.Date { Year = 2025, Month = 10, Day = 20 }, ExcludingVat = true,
            Years =
            {
                new YearCost { Year = 2023, PaidOre = 30_000_000, ExpectedOre = 30_000_000, BudgetOre = 50_000_000, ShareSpentBasisPoints = 6_000, ExpectedDifferenceOre = 20_000_000 },
                new YearCost { Year = 2025, PaidOre = 80_000_000, InvoicedUnpaidOre = -125_000, EarnedNotInvoicedOre = 210_000_000, ExpectedOre = 289_875_000 },
            },
            TotalPaidOre = 110_000_000, TotalInvoicedUnpaidOre = -125_000, TotalEarnedNotInvoicedOre = 210_000_000, TotalExpectedOre = 319_875_000,
            CitizensHandedOver = 150, CostPerCitizenOre = 2_132_500, MilestonesReached = 7, CostPerMilestoneOre = 45_696_429,
        };

        var rows = FinanceTests.Cells(PartnershipCost.Table(cost));

        rows.ShouldBe(
        [
            ["year", "paid", "invoiced unpaid", "earned not invoiced", "expected", "budget", "share spent", "expected difference"],
            ["2023", "300,000.00", "0.00", "0.00", "300,000.00", "500,000.00", "60.00 %", "200,000.00"],
            ["2025", "800,000.00", "-1,250.00", "2,100,000.00", "2,898,750.00", "", "", ""],
            ["total", "1,100,000.00", "-1,250.00", "2,100,000.00", "3,198,750.00", "500,000.00", "220.00 %", "-2,698,750.00"],
        ]);
        var report = PartnershipCost.Report(cost).Split('\n');
        report[0].ShouldBe("  Cost of partnership p as of 2025-10-20, DKK excluding VAT");
        report.ShouldContain("  still expected (expected less paid): 2,098,750.00");
        report.ShouldContain("  citizens handed over: 150, cost per citizen: 21,325.00; milestones reached: 7, cost per milestone: 456,964.29");
        report.ShouldNotContain(l => l.Contains("contract cap"));
    }

    [Fact]
    public void A_report_as_known_on_a_day_says_so_and_shows_earned_as_corrected_where_a_correction_moved_money_between_years()
    {
        var cost = new GetPartnershipCostResponse
        {
            PartnershipId = "p", AsOf = new Google.Type.Date { Year = 2024, Month = 3, Day = 1 }, KnownOn = new Google.Type.Date { Year = 2024, Month = 1, Day = 5 },
            Years =
            {
                new YearCost { Year = 2023, EarnedOre = 5_000_000, CorrectedEarnedOre = 2_500_000 },
                new YearCost { Year = 2024, EarnedOre = 1_000_000, CorrectedEarnedOre = 1_000_000 },
            },
        };

        var report = PartnershipCost.Report(cost).Split('\n');

        report[0].ShouldBe("  Cost of partnership p as of 2024-03-01, as known on 2024-01-05, DKK including VAT");
        report.ShouldContain("  2023 earned as booked (without VAT): 50,000.00; as corrected, by the year each outcome belongs to: 25,000.00");
        report.ShouldNotContain(l => l.StartsWith("  2024 earned", StringComparison.Ordinal), "2024 is the same both ways");
    }

    [Theory]
    [InlineData(8_300L, "83.00 %")]
    [InlineData(3_077L, "30.77 %")]
    [InlineData(0L, "0.00 %")]
    [InlineData(15_400L, "154.00 %")]
    public void A_share_in_basis_points_is_printed_as_a_percentage(long basisPoints, string text)
    {
        PartnershipCost.Percent(basisPoints).ShouldBe(text);
    }
}
