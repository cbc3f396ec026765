using NodaTime;
using Partnerskab.Payment.Investments;

namespace Partnerskab.Payment.Tests.Investments;

public sealed class InvestorPositionTests
{
    private static readonly LocalDate Start = new(2023, 3, 1);

    private static InvestorCashFlow Flow(CashFlowKind kind, int days, long ore, string? reference = null) => new()
    {
        Id = Guid.NewGuid(),
        PartnershipId = Guid.Empty,
        Kind = kind,
        OccurredOn = Start.PlusDays(days),
        AmountOre = ore,
        Reference = reference ?? $"{kind}-{days}-{ore}",
        Note = "",
        RecordedBy = "finance",
    };

    [Fact]
    public void The_position_sums_each_kind_and_derives_outstanding_undrawn_and_the_multiple()
    {
        var position = InvestorPosition.AsOf(
        [
            Flow(CashFlowKind.Commitment, 0, 10_000_000_00),
            Flow(CashFlowKind.Drawdown, 10, 4_000_000_00),
            Flow(CashFlowKind.Drawdown, 200, 3_000_000_00),
            Flow(CashFlowKind.Repayment, 400, 2_000_000_00),
            Flow(CashFlowKind.Return, 400, 500_000_00),
        ], Start.PlusDays(400));

        (position.CommittedOre, position.DrawnOre, position.RepaidOre, position.ReturnedOre).ShouldBe((10_000_000_00, 7_000_000_00, 2_000_000_00, 500_000_00));
        position.OutstandingOre.ShouldBe(5_000_000_00);
        position.UndrawnOre.ShouldBe(3_000_000_00);
        position.MultipleTenThousandths.ShouldBe(3571, "2.5 million back of 7 million in: 0.357142… times");
        position.CashFlows.ShouldBe(5);
        position.RateOfReturn.Outcome.ShouldBe(RateOfReturn.Outcome.Rate, "money out, then money back: one sign change");
        position.RateOfReturn.Rate!.Value.ShouldBeLessThan(0, "most of the capital is still out, and it is not valued");
    }

    [Fact]
    public void Only_cash_flows_dated_by_the_day_count()
    {
        var flows = new[] { Flow(CashFlowKind.Drawdown, 0, 1_000_000_00), Flow(CashFlowKind.Repayment, 365, 1_000_000_00), Flow(CashFlowKind.Return, 365, 80_000_00) };

        var before = InvestorPosition.AsOf(flows, Start.PlusDays(364));
        var on = InvestorPosition.AsOf(flows, Start.PlusDays(365));

        (before.DrawnOre, before.RepaidOre, before.CashFlows, before.RateOfReturn.Outcome).ShouldBe((1_000_000_00, 0, 1, RateOfReturn.Outcome.NoSolution));
        before.MultipleTenThousandths.ShouldBe(0);
        (on.OutstandingOre, on.MultipleTenThousandths).ShouldBe((0, 10_800));
        on.RateOfReturn.Rate!.Value.ShouldBe(0.08, RateOfReturn.Tolerance, "1.08 million back after 365 days of 1 million");
    }

    [Fact]
    public void Nothing_drawn_has_no_multiple_and_no_rate()
    {
        var position = InvestorPosition.AsOf([Flow(CashFlowKind.Commitment, 0, 5_000_000_00)], Start);

        position.MultipleTenThousandths.ShouldBeNull();
        position.RateOfReturn.Outcome.ShouldBe(RateOfReturn.Outcome.NoSolution);
        (position.UndrawnOre, position.OutstandingOre).ShouldBe((5_000_000_00, 0));
    }

    [Fact]
    public void Drawing_more_than_was_committed_leaves_nothing_undrawn_never_less()
    {
        InvestorPosition.AsOf([Flow(CashFlowKind.Commitment, 0, 100_00), Flow(CashFlowKind.Drawdown, 1, 150_00)], Start.PlusDays(1))
            .UndrawnOre.ShouldBe(0);
    }

    [Fact]
    public void A_repayment_up_to_the_capital_drawn_by_its_day_is_allowed()
    {
        var drawn = Flow(CashFlowKind.Drawdown, 0, 1_000_00);

        InvestorPosition.RefusalToRecord([drawn], Flow(CashFlowKind.Repayment, 10, 1_000_00)).ShouldBeNull();
    }

    [Fact]
    public void A_repayment_beyond_the_capital_drawn_by_its_day_is_refused()
    {
        var refusal = InvestorPosition.RefusalToRecord([Flow(CashFlowKind.Drawdown, 5, 1_000_00)], Flow(CashFlowKind.Repayment, 4, 1_00));

        refusal.ShouldNotBeNull().ShouldContain("more than the 0 øre drawn by then");
    }

    [Fact]
    public void An_earlier_repayment_is_refused_when_with_the_later_ones_it_repays_more_than_was_drawn()
    {
        var recorded = new[] { Flow(CashFlowKind.Drawdown, 1, 100_00), Flow(CashFlowKind.Repayment, 10, 60_00) };

        InvestorPosition.RefusalToRecord(recorded, Flow(CashFlowKind.Repayment, 5, 50_00)).ShouldNotBeNull().ShouldContain("by 2023-03-11");
        InvestorPosition.RefusalToRecord(recorded, Flow(CashFlowKind.Repayment, 5, 40_00)).ShouldBeNull();
    }

    [Theory]
    [InlineData(CashFlowKind.Commitment)]
    [InlineData(CashFlowKind.Drawdown)]
    [InlineData(CashFlowKind.Return)]
    public void Only_a_repayment_can_be_refused(CashFlowKind kind)
    {
        InvestorPosition.RefusalToRecord([], Flow(kind, 0, 1_000_000_00)).ShouldBeNull();
    }

    [Fact]
    public void Outcome_payments_passed_through_repay_the_capital_finance_has_not_and_the_rest_is_a_return()
    {
        InvestorCashFlow[] flows =
        [
            Flow(CashFlowKind.Drawdown, 0, 1_000_000_00),
            Flow(CashFlowKind.OutcomePayment, 100, 300_000_00),
            Flow(CashFlowKind.Repayment, 200, 500_000_00),
            Flow(CashFlowKind.OutcomePayment, 300, 400_000_00),
        ];

        var early = InvestorPosition.AsOf(flows, Start.PlusDays(100));
        var late = InvestorPosition.AsOf(flows, Start.PlusDays(300));

        (early.RepaidOre, early.ReturnedOre, early.OutstandingOre, early.OutcomePaymentsOre).ShouldBe((300_000_00, 0, 700_000_00, 300_000_00));
        // 500,000 repaid by finance; of the 700,000 passed through, the 500,000 of capital left is repaid and 200,000 is a return.
        (late.RepaidOre, late.ReturnedOre, late.OutstandingOre, late.OutcomePaymentsOre).ShouldBe((1_000_000_00, 200_000_00, 0, 700_000_00));
        late.MultipleTenThousandths.ShouldBe(12_000);
        late.RateOfReturn.Rate!.Value.ShouldBeGreaterThan(0, "1.2 million back of 1 million within a year");
    }

    [Fact]
    public void The_split_of_what_was_passed_through_depends_on_the_cash_flows_dated_by_the_day_not_on_their_order()
    {
        InvestorCashFlow[] flows =
        [
            Flow(CashFlowKind.Drawdown, 0, 600_000_00),
            Flow(CashFlowKind.OutcomePayment, 50, 800_000_00),
            Flow(CashFlowKind.Repayment, 60, 100_000_00),
            Flow(CashFlowKind.Drawdown, 70, 200_000_00),
            Flow(CashFlowKind.Return, 80, 10_000_00),
        ];

        var positions = Enumerable.Range(0, 20)
            .Select(seed =>
            {
                var random = new Random(seed);
                return InvestorPosition.AsOf(flows.OrderBy(_ => random.Next()).ToList(), Start.PlusDays(80));
            })
            .Select(p => (p.RepaidOre, p.ReturnedOre, p.OutstandingOre)).Distinct().ToList();

        positions.ShouldBe([(800_000_00L, 110_000_00L, 0L)]);
    }
}
