using NodaTime;

namespace Partnerskab.Payment.Investments;

/// <summary>
/// The investor's position as of a date, from the cash flows dated by then: capital committed,
/// drawn, repaid and outstanding, returns, the realised multiple and the rate of return. Money is
/// summed exactly in øre; the multiple is rounded by <see cref="Money"/>. The outcome payments
/// passed through repay the capital drawn that finance's repayments have not repaid, and what is
/// beyond it is a return: so capital repaid never exceeds capital drawn, and the split depends only
/// on the cash flows dated by the day, not on the order they were recorded in.
/// </summary>
public sealed record InvestorPosition(long CommittedOre, long DrawnOre, long RepaidOre, long ReturnedOre, long OutcomePaymentsOre, int CashFlows,
    RateOfReturn.Result RateOfReturn)
{
    /// <summary>Capital drawn and not yet repaid.</summary>
    public long OutstandingOre => DrawnOre - RepaidOre;

    public long UndrawnOre => Math.Max(0, CommittedOre - DrawnOre);

    /// <summary>
    /// What came back over what went in, in ten-thousandths (11200 is 1.12 times); null while nothing
    /// is drawn. Realised: outstanding capital is not valued, so it counts as nothing yet.
    /// </summary>
    public long? MultipleTenThousandths => DrawnOre == 0 ? null : Money.Share(10_000, RepaidOre + ReturnedOre, DrawnOre);

    public static InvestorPosition AsOf(IEnumerable<InvestorCashFlow> cashFlows, LocalDate asOf)
    {
        var dated = cashFlows.Where(c => c.OccurredOn <= asOf).ToList();
        long Sum(CashFlowKind kind) => dated.Where(c => c.Kind == kind).Sum(c => c.AmountOre);
        var (drawn, repaid, passedThrough) = (Sum(CashFlowKind.Drawdown), Sum(CashFlowKind.Repayment), Sum(CashFlowKind.OutcomePayment));
        var repaidByPassThrough = Math.Min(passedThrough, Math.Max(0, drawn - repaid));
        return new InvestorPosition(Sum(CashFlowKind.Commitment), drawn, repaid + repaidByPassThrough, Sum(CashFlowKind.Return) + passedThrough - repaidByPassThrough,
            passedThrough, dated.Count, Investments.RateOfReturn.Of(dated.Select(c => new RateOfReturn.CashFlow(c.OccurredOn, c.InvestorCashOre))));
    }

    /// <summary>
    /// Why a new cash flow cannot be recorded beside those recorded, or null: capital repaid may
    /// never exceed capital drawn, on any day. Records are never removed, so once recorded a
    /// cash flow stays valid whatever is recorded later.
    /// </summary>
    public static string? RefusalToRecord(IEnumerable<InvestorCashFlow> recorded, InvestorCashFlow next)
    {
        if (next.Kind != CashFlowKind.Repayment) return null;
        long drawn = 0, repaid = 0;
        foreach (var day in recorded.Append(next).GroupBy(c => c.OccurredOn).OrderBy(g => g.Key))
        {
            drawn += day.Where(c => c.Kind == CashFlowKind.Drawdown).Sum(c => c.AmountOre);
            repaid += day.Where(c => c.Kind == CashFlowKind.Repayment).Sum(c => c.AmountOre);
            if (day.Key >= next.OccurredOn && repaid > drawn)
            {
                return $"Capital repaid by {day.Key:uuuu-MM-dd} would be {repaid} øre, more than the {drawn} øre drawn by then; " +
                    "a payment to the investor beyond its capital is a return.";
            }
        }
        return null;
    }
}
