using Partnerskab.Cli.Finance;
using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Cli.Tests;

public sealed class InvestorViewTests
{
    [Fact]
    public void The_position_is_printed_in_kroner_with_the_multiple_and_the_rate()
    {
        var position = new GetInvestorPositionResponse
        {
            PartnershipId = "p", AsOf = new Google.Type.Date { Year = 2024, Month = 3, Day = 1 },
            CommittedOre = 2_100_000_00, DrawnOre = 1_800_000_00, RepaidOre = 1_000_000_00, ReturnedOre = 90_000_00,
            OutstandingOre = 800_000_00, UndrawnOre = 300_000_00, MultipleTenThousandths = 6056,
            RateOfReturnStatus = RateOfReturnStatus.Rate, RateOfReturn = -0.41234, CashFlows = 5,
        };

        var report = InvestorView.Position(position).Split('\n');

        report[0].ShouldBe("  The investor's position in partnership p as of 2024-03-01, DKK");
        report.ShouldContain(l => l.Contains("outstanding") && l.TrimEnd().EndsWith("800,000.00"));
        report.ShouldContain(l => l.Contains("multiple (realised)") && l.TrimEnd().EndsWith("0.6056 x"));
        report.ShouldContain(l => l.Contains("rate of return (XIRR)") && l.TrimEnd().EndsWith("-41.23 % a year"));
    }

    [Fact]
    public void Several_rates_are_all_printed_and_none_chosen()
    {
        var position = new GetInvestorPositionResponse
        {
            RateOfReturnStatus = RateOfReturnStatus.SeveralRates, CandidateRates = { 0.1, 0.2 },
        };

        InvestorView.Position(position).ShouldContain("ambiguous: 10.00 % or 20.00 %");
        InvestorView.Position(position).ShouldContain("nothing drawn");
    }

    [Fact]
    public void Cash_flows_are_a_table_in_the_order_given()
    {
        var flows = new ListInvestorCashFlowsResponse
        {
            CashFlows =
            {
                new InvestorCashFlow { OccurredOn = new Google.Type.Date { Year = 2023, Month = 3, Day = 1 }, Kind = InvestorCashFlowKind.Drawdown, AmountOre = 1_000_000_00, Reference = "bank 1" },
                new InvestorCashFlow { OccurredOn = new Google.Type.Date { Year = 2024, Month = 3, Day = 1 }, Kind = InvestorCashFlowKind.Return, AmountOre = 90_000_00, Reference = "bank 2", Note = "bonus" },
            },
        };

        FinanceTests.Cells(InvestorView.CashFlows(flows)).ShouldBe(
        [
            ["day", "kind", "DKK", "reference", "note"],
            ["2023-03-01", "drawdown", "1,000,000.00", "bank 1", ""],
            ["2024-03-01", "return", "90,000.00", "bank 2", "bonus"],
        ]);
    }
}
