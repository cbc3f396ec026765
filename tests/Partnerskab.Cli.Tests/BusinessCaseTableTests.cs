using Partnerskab.Cli.Outcome;
using Partnerskab.Protos.Outcome.V1;
using Date = Google.Type.Date;

namespace Partnerskab.Cli.Tests;

public sealed class BusinessCaseTableTests
{
    private static readonly BusinessCaseInputs Inputs = new()
    {
        EffectiveFrom = new Date { Year = 2024, Month = 1, Day = 1 }, RatesSource = "synthetic rates", CurveSource = "synthetic curve",
    };

    [Fact]
    public void The_case_prints_its_months_the_estimate_with_its_interval_and_the_net_against_the_cost_given()
    {
        var answer = new GetBusinessCaseResponse
        {
            PartnershipId = "p", AsOf = new Date { Year = 2024, Month = 3, Day = 31 }, Inputs = Inputs, BootstrapReplicates = 1000, BootstrapSeed = 7,
            Cases =
            {
                new BusinessCase
                {
                    Comparison = BusinessCaseComparison.ExpectedCurve, CohortCitizens = 2,
                    Months =
                    {
                        new BusinessCaseMonth
                        {
                            Month = 1, Cohort = new BusinessCaseGroupMonth { Citizens = 2, Weeks = 10, BenefitWeeks = 10, CostOre = 2_400_000 },
                            ExpectedSelfSufficientBasisPoints = 0, AdditionalSelfSufficientWeeksHundredths = 0, GrossSavingOre = 0, CumulativeGrossSavingOre = 0,
                        },
                        new BusinessCaseMonth { Month = 2, Cohort = new BusinessCaseGroupMonth { Citizens = 2, Weeks = 8, BenefitWeeks = 4, SelfSufficientWeeks = 4, CostOre = 480_000 } },
                    },
                    Estimate = new BusinessCaseEstimate
                    {
                        AdditionalSelfSufficientWeeksHundredths = 425, AdditionalSelfSufficientWeeksLowHundredths = -50, AdditionalSelfSufficientWeeksHighHundredths = 800,
                        BenefitWeeksSavedHundredths = 425, GrossSavingOre = 123_456, GrossSavingLowOre = -10_000, GrossSavingHighOre = 250_000,
                        NetToDateOre = 23_456, NetExpectedOre = -76_544, BreakEvenMonth = 2, CostPerAdditionalSelfSufficientWeekOre = 23_529,
                    },
                },
            },
        };

        var report = BusinessCaseView.Report(answer, new GetBusinessCaseRequest { CostToDateOre = 100_000, CostExpectedOre = 200_000 });

        var lines = report.Split('\n');
        lines[0].ShouldBe("  Business case of partnership p as of 2024-03-31");
        lines[1].ShouldBe("  inputs in force from 2024-01-01; rates: synthetic rates; expected curve: synthetic curve");
        lines[2].ShouldBe("  cost to date (without VAT): 1,000.00, expected in total: 2,000.00");
        lines[4].ShouldBe("  Against the expected curve: 2 citizens of the cohort with a month completed");
        FinanceTests.Cells(string.Join('\n', lines.Skip(5).Take(4))).ShouldBe(
        [
            ["month", "citizens", "weeks", "on benefit", "self-sufficient", "expected share", "comparison citizens", "comparison self-sufficient",
             "additional", "benefit cost", "saving", "cumulative saving"],
            ["1", "2", "10", "10", "0", "0.00 %", "", "", "0.00", "24,000.00", "0.00", "0.00"],
            ["2", "2", "8", "4", "4", "", "", "", "", "4,800.00", "", ""],
        ]);
        report.ShouldContain("  additional self-sufficient weeks: 4.25 (-0.50 to 8.00; 95 % bootstrap interval over citizens, 1000 resamples, seed 7)\n");
        report.ShouldContain("  gross saving: 1,234.56 (-100.00 to 2,500.00)\n");
        report.ShouldContain("  net to date: 234.56; net against the expected cost: -765.44\n");
        report.ShouldContain("  break-even: month 2 since start\n");
        report.ShouldContain("  cost per additional self-sufficient week: 235.29\n");
    }

    [Fact]
    public void A_case_against_the_comparison_group_prints_the_groups_citizens_and_self_sufficient_weeks_beside_the_cohorts()
    {
        var answer = new GetBusinessCaseResponse
        {
            PartnershipId = "p", AsOf = new Date { Year = 2024, Month = 3, Day = 31 }, Inputs = Inputs,
            Cases =
            {
                new BusinessCase
                {
                    Comparison = BusinessCaseComparison.Group, CohortCitizens = 2, ComparisonCitizens = 10, Reason = "too few",
                    Months =
                    {
                        new BusinessCaseMonth
                        {
                            Month = 1, Cohort = new BusinessCaseGroupMonth { Citizens = 2, Weeks = 8, SelfSufficientWeeks = 4 },
                            Comparison = new BusinessCaseGroupMonth { Citizens = 10, Weeks = 50, SelfSufficientWeeks = 8 },
                            AdditionalSelfSufficientWeeksHundredths = 240,
                        },
                    },
                },
            },
        };

        var lines = BusinessCaseView.Report(answer, new GetBusinessCaseRequest()).Split('\n');

        lines[4].ShouldBe("  Against the comparison group: 2 citizens of the cohort with a month completed, 10 of the comparison group");
        FinanceTests.Cells(string.Join('\n', lines.Skip(5).Take(3)))[1].ShouldBe(["1", "2", "8", "0", "4", "", "10", "8", "2.40", "0.00", "", ""]);
    }

    [Fact]
    public void A_case_without_an_estimate_prints_its_reason_and_no_inputs_says_so()
    {
        var answer = new GetBusinessCaseResponse
        {
            PartnershipId = "p", AsOf = new Date { Year = 2024, Month = 3, Day = 31 }, Inputs = Inputs,
            Cases = { new BusinessCase { Comparison = BusinessCaseComparison.ExpectedCurve, Reason = "The cohort has had no week on benefit." } },
        };

        var report = BusinessCaseView.Report(answer, new GetBusinessCaseRequest());

        report.ShouldContain("  without the partnership's cost\n");
        report.ShouldEndWith("  The cohort has had no week on benefit.\n");
        BusinessCaseView.Report(new GetBusinessCaseResponse { PartnershipId = "p", AsOf = answer.AsOf }, new GetBusinessCaseRequest())
            .ShouldContain("No business-case inputs (benefit rates, expected curve) are in force on that day.");
    }
}
