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
    // One colour per weekly status, told apart also by their order in the legend and the table.
    private static readonly IReadOnlyDictionary<WeeklyStatus, string> StatusColours = new Dictionary<WeeklyStatus, string>
    {
        [WeeklyStatus.SicknessBenefit] = "#b2182b",
        [WeeklyStatus.JobClarificationBenefit] = "#ef8a62",
        [WeeklyStatus.OtherPublicBenefit] = "#fddbc7",
        [WeeklyStatus.WorkPlacement] = "#e6c229",
        [WeeklyStatus.FlexJob] = "#92c5de",
        [WeeklyStatus.OrdinaryEmployment] = "#2166ac",
        [WeeklyStatus.Education] = "#1b7837",
        [WeeklyStatus.SelfSupportingOther] = "#5aae61",
        [WeeklyStatus.DisabilityPension] = "#762a83",
        [WeeklyStatus.MovedAway] = "#999999",
        [WeeklyStatus.Deceased] = "#4d4d4d",
        [WeeklyStatus.Unknown] = "#c2a5cf",
        [WeeklyStatus.Unspecified] = "#e0e0e0",
    };

    /// <summary>The roles the services give the committee report and the cost report to.</summary>
    public static IReadOnlyList<string> ReadingRoles { get; } = [Tokens.SuiteRoles.Committee, Tokens.SuiteRoles.Investor, Tokens.SuiteRoles.Kommune];

    /// <summary>The statuses that any month counts, in the order of the enum (benefits first, then work and education).</summary>
    public IReadOnlyList<WeeklyStatus> StatusesCounted { get; } =
        [.. Outcomes.Months.SelectMany(m => m.Counts).Where(c => c.Citizens > 0).Select(c => c.Status).Distinct().OrderBy(s => StatusOrder(s))];

    public static string ColourOf(WeeklyStatus status) => StatusColours[status];

    public static int CitizensWith(MonthlyStatusCounts month, WeeklyStatus status) =>
        month.Counts.Where(c => c.Status == status).Sum(c => c.Citizens);

    /// <summary>The expected final bill: what is expected in all less what has been paid.</summary>
    public long StillExpectedOre => Cost.TotalExpectedOre - Cost.TotalPaidOre;

    public StackedBarChart StatusChart(Func<string, string> monthLabel, Func<WeeklyStatus, string> statusName) => new(
        [.. Outcomes.Months.Select(m => monthLabel(m.Month))],
        [.. StatusesCounted.Select(status => new ChartSeries(statusName(status), ColourOf(status),
            [.. Outcomes.Months.Select(m => (decimal)CitizensWith(m, status))]))]);

    public StackedBarChart CostChart(string paid, string invoicedUnpaid, string earnedNotInvoiced) => new(
        [.. Cost.Years.Select(y => y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        [
            new(paid, "#2166ac", [.. Cost.Years.Select(y => y.PaidOre / 100_000_000m)]),
            new(invoicedUnpaid, "#ef8a62", [.. Cost.Years.Select(y => y.InvoicedUnpaidOre / 100_000_000m)]),
            new(earnedNotInvoiced, "#e6c229", [.. Cost.Years.Select(y => y.EarnedNotInvoicedOre / 100_000_000m)]),
        ]);

    // Unspecified (no report for the week) last, after every reported status.
    private static int StatusOrder(WeeklyStatus status) => status switch
    {
        WeeklyStatus.Unspecified => int.MaxValue,
        WeeklyStatus.WorkPlacement => 35, // on benefit while in placement: beside the benefits
        _ => (int)status * 10,
    };
}
