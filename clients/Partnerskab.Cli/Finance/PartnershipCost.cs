using System.Globalization;
using Partnerskab.Protos.Payment.V1;
using Date = Google.Type.Date;

namespace Partnerskab.Cli.Finance;

/// <summary>
/// `partnerskab finance cost`: what a partnership has cost as of a date, one line per calendar
/// year laid out like the kommune's budget follow-up (seed 003, table 1: budget, spent, share
/// spent, expected difference), with a total line and the cost per citizen and per outcome.
/// </summary>
public sealed class PartnershipCost(PaymentService.PaymentServiceClient client, TextWriter output, OutputFormat format = OutputFormat.Text)
{
    private static readonly TextTable.Column[] Columns =
    [
        new("year"), new("paid", RightAligned: true), new("invoiced unpaid", RightAligned: true), new("earned not invoiced", RightAligned: true),
        new("expected", RightAligned: true), new("budget", RightAligned: true), new("share spent", RightAligned: true),
        new("expected difference", RightAligned: true),
    ];

    /// <param name="asOf">Unset: today.</param>
    /// <param name="knownOn">Unset: as known now; set: as the service knew it at the end of that day.</param>
    /// <param name="payerId">Unset: the partnership in total; set: that payer's report.</param>
    public async Task<GetPartnershipCostResponse> ShowAsync(string partnershipId, Date? asOf, bool excludingVat, CancellationToken cancellationToken = default,
        Date? knownOn = null, string? payerId = null)
    {
        var request = new GetPartnershipCostRequest { PartnershipId = partnershipId, ExcludingVat = excludingVat, KnownOn = knownOn, PayerId = payerId ?? "" };
        if (asOf is not null) request.AsOf = asOf;
        var cost = await client.GetPartnershipCostAsync(request, deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken);
        ReadOutput.Write(output, format, cost, () => Report(cost));
        return cost;
    }

    public static string Report(GetPartnershipCostResponse cost)
    {
        var lines = new List<string>
        {
            $"  Cost of partnership {cost.PartnershipId}{(cost.PayerId.Length > 0 ? $" to payer {cost.PayerId}" : "")} as of {FinanceDates.Text(cost.AsOf)}"
                + (cost.KnownOn is null ? "" : $", as known on {FinanceDates.Text(cost.KnownOn)}")
                + $", DKK {(cost.ExcludingVat ? "excluding" : "including")} VAT",
            Table(cost).TrimEnd('\n'),
            $"  still expected (expected less paid): {TextTable.Kroner(cost.TotalExpectedOre - cost.TotalPaidOre)}",
            $"  citizens handed over: {cost.CitizensHandedOver}, cost per citizen: {TextTable.Kroner(cost.CostPerCitizenOre)}; "
                + $"milestones reached: {cost.MilestonesReached}, cost per milestone: {TextTable.Kroner(cost.CostPerMilestoneOre)}",
        };
        // Earned as booked (the table's basis) and as corrected (by the year each outcome belongs to), where a correction moved money between years.
        lines.AddRange(cost.Years.Where(y => y.CorrectedEarnedOre != y.EarnedOre).Select(y =>
            $"  {y.Year} earned as booked (without VAT): {TextTable.Kroner(y.EarnedOre)}; as corrected, by the year each outcome belongs to: {TextTable.Kroner(y.CorrectedEarnedOre)}"));
        if (cost.HasContractCapRemainingOre)
        {
            lines.Add($"  room left under the {(cost.PayerId.Length > 0 ? "payer's own" : "contract")} cap (without VAT): {TextTable.Kroner(cost.ContractCapRemainingOre)}");
        }
        // Each payer's totals, when prices are split across payers.
        if (cost.Payers.Count > 1 || cost.Payers.Any(p => p.PayerId.Length > 0))
        {
            lines.AddRange(cost.Payers.Select(p => $"  payer {(p.PayerId.Length > 0 ? p.PayerId : "(the kommune alone)")}: earned {TextTable.Kroner(p.TotalEarnedOre)}, "
                + $"to date {TextTable.Kroner(p.TotalToDateOre)}, expected {TextTable.Kroner(p.TotalExpectedOre)}"
                + (p.HasCapRemainingOre ? $", room under its own cap {TextTable.Kroner(p.CapRemainingOre)}" : "")));
        }
        return string.Join('\n', lines) + "\n";
    }

    public static string Table(GetPartnershipCostResponse cost)
    {
        var rows = cost.Years.Select(y => (IReadOnlyList<string>)
        [
            y.Year.ToString(CultureInfo.InvariantCulture), TextTable.Kroner(y.PaidOre), TextTable.Kroner(y.InvoicedUnpaidOre),
            TextTable.Kroner(y.EarnedNotInvoicedOre), TextTable.Kroner(y.ExpectedOre), y.HasBudgetOre ? TextTable.Kroner(y.BudgetOre) : "",
            y.HasShareSpentBasisPoints ? Percent(y.ShareSpentBasisPoints) : "", y.HasExpectedDifferenceOre ? TextTable.Kroner(y.ExpectedDifferenceOre) : "",
        ]).ToList();
        var budgeted = cost.Years.Where(y => y.HasBudgetOre).ToList();
        long? budget = budgeted.Count > 0 ? budgeted.Sum(y => y.BudgetOre) : null;
        rows.Add(
        [
            "total", TextTable.Kroner(cost.TotalPaidOre), TextTable.Kroner(cost.TotalInvoicedUnpaidOre), TextTable.Kroner(cost.TotalEarnedNotInvoicedOre),
            TextTable.Kroner(cost.TotalExpectedOre), budget is { } b ? TextTable.Kroner(b) : "",
            budget is > 0 ? Percent((long)Math.Round(cost.TotalPaidOre * 10_000m / budget.Value, MidpointRounding.AwayFromZero)) : "",
            budget is { } whole ? TextTable.Kroner(whole - cost.TotalExpectedOre) : "",
        ]);
        return TextTable.Format(Columns, rows);
    }

    /// <summary>Hundredths of a percent as a percentage with two decimals: 8300 as "83.00 %".</summary>
    public static string Percent(long basisPoints) => (basisPoints / 100m).ToString("0.00", CultureInfo.InvariantCulture) + " %";
}
