using NodaTime;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Portal.Reports;

/// <summary>
/// What the committee and the investor read about a partnership as of a date: the outcome
/// service's committee report and the payment service's cost report (without VAT, as the
/// kommune's budget follow-up reads it), as the person asking may see them.
/// </summary>
public sealed record CommitteeDashboard(Partnership Partnership, LocalDate AsOf, GetCommitteeReportResponse Outcomes, GetPartnershipCostResponse Cost)
{
    /// <summary>The roles the services give the committee report and the cost report to.</summary>
    public static IReadOnlyList<string> ReadingRoles { get; } = [Tokens.SuiteRoles.Committee, Tokens.SuiteRoles.Investor, Tokens.SuiteRoles.Kommune];

    /// <summary>The statuses that any month counts, in the charts' order.</summary>
    public IReadOnlyList<WeeklyStatus> StatusesCounted { get; } =
        [.. Outcomes.Months.SelectMany(m => m.Counts).Where(c => c.Citizens > 0).Select(c => c.Status).Distinct().OrderBy(WeeklyStatusColours.Order)];

    public static int CitizensWith(MonthlyStatusCounts month, WeeklyStatus status) =>
        month.Counts.Where(c => c.Status == status).Sum(c => c.Citizens);

    /// <summary>The expected final bill: what is expected in all less what has been paid.</summary>
    public long StillExpectedOre => Cost.TotalExpectedOre - Cost.TotalPaidOre;

    public StackedBarChart StatusChart(Func<string, string> monthLabel, Func<WeeklyStatus, string> statusName) => new(
        [.. Outcomes.Months.Select(m => monthLabel(m.Month))],
        [.. StatusesCounted.Select(status => new ChartSeries(statusName(status), WeeklyStatusColours.Of(status),
            [.. Outcomes.Months.Select(m => (decimal)CitizensWith(m, status))]))], counts: true);

    public StackedBarChart CostChart(string paid, string invoicedUnpaid, string earnedNotInvoiced) => new(
        [.. Cost.Years.Select(y => y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        [
            new(paid, "#2166ac", [.. Cost.Years.Select(y => y.PaidOre / 100_000_000m)]),
            new(invoicedUnpaid, "#ef8a62", [.. Cost.Years.Select(y => y.InvoicedUnpaidOre / 100_000_000m)]),
            new(earnedNotInvoiced, "#e6c229", [.. Cost.Years.Select(y => y.EarnedNotInvoicedOre / 100_000_000m)]),
        ]);
}
