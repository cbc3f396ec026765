using System.Globalization;
using Partnerskab.Cli.Outcome;
using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Cli.Finance;

/// <summary>`partnerskab finance investor ...`: the investor's cash flows as a table, and its position as terms (DKK).</summary>
public static class InvestorView
{
    public static string CashFlows(ListInvestorCashFlowsResponse answer) =>
        TextTable.Format([new("day"), new("kind"), new("DKK", RightAligned: true), new("reference"), new("note")],
            answer.CashFlows.Select(f => (IReadOnlyList<string>)[FinanceDates.Text(f.OccurredOn), StatusCsv.Name(f.Kind), TextTable.Kroner(f.AmountOre), f.Reference, f.Note]));

    public static string Position(GetInvestorPositionResponse position) =>
        $"  The investor's position in partnership {position.PartnershipId} as of {FinanceDates.Text(position.AsOf)}, DKK\n"
        + TextTable.Terms(
        [
            ("committed", TextTable.Kroner(position.CommittedOre)),
            ("drawn", TextTable.Kroner(position.DrawnOre)),
            ("undrawn", TextTable.Kroner(position.UndrawnOre)),
            ("repaid", TextTable.Kroner(position.RepaidOre)),
            ("outstanding", TextTable.Kroner(position.OutstandingOre)),
            ("returns", TextTable.Kroner(position.ReturnedOre)),
            ("multiple (realised)", position.HasMultipleTenThousandths ? (position.MultipleTenThousandths / 10_000m).ToString("0.0000", CultureInfo.InvariantCulture) + " x" : "nothing drawn"),
            ("rate of return (XIRR)", RateOfReturn(position)),
            ("cash flows", TextTable.Number(position.CashFlows)),
        ]);

    private static string RateOfReturn(GetInvestorPositionResponse position) => position.RateOfReturnStatus switch
    {
        RateOfReturnStatus.Rate => Percent(position.RateOfReturn) + " a year",
        RateOfReturnStatus.NoSolution => "none: nothing drawn, or nothing paid back yet",
        RateOfReturnStatus.NoRateFound => "none found: the cash flows change sign more than once",
        RateOfReturnStatus.SeveralRates => "ambiguous: " + string.Join(" or ", position.CandidateRates.Select(Percent)),
        _ => "",
    };

    private static string Percent(double rate) => (rate * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %";
}
