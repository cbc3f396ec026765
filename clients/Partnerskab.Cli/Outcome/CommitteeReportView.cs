using System.Globalization;
using Partnerskab.Cli.Finance;
using Partnerskab.Protos.Outcome.V1;
using Date = Google.Type.Date;

namespace Partnerskab.Cli.Outcome;

/// <summary>
/// `partnerskab outcome report`: the committee's report as of a day as the tables of the
/// committee's status papers (seeds 003 and 004): citizens by status per month, KPI targets
/// against actuals, milestones per code, the share self-sufficient at months and the final
/// statuses of the closed-out citizens.
/// </summary>
public sealed class CommitteeReportView(OutcomeService.OutcomeServiceClient client, TextWriter output, OutputFormat format = OutputFormat.Text)
{
    /// <param name="asOf">Unset: today.</param>
    /// <param name="knownOn">As the suite knew the facts at the end of this day; unset: as known now.</param>
    public async Task<GetCommitteeReportResponse> ShowAsync(string partnershipId, Date? asOf, CancellationToken cancellationToken = default, Date? knownOn = null)
    {
        var report = await client.GetCommitteeReportAsync(new GetCommitteeReportRequest { PartnershipId = partnershipId, AsOf = asOf, KnownOn = knownOn },
            deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken);
        ReadOutput.Write(output, format, report, () => Report(report));
        return report;
    }

    public static string Report(GetCommitteeReportResponse report) => string.Join('\n',
    [
        $"  Committee report of partnership {report.PartnershipId} as of {FinanceDates.Text(report.AsOf)}: {report.HandedOver} citizens handed over",
        "",
        "  Citizens in follow-up by status at each month's end",
        MonthsTable(report.Months),
        "  KPI targets against actuals",
        KpiTable(report.Kpis),
        "  Standing milestones",
        TextTable.Format([new("milestone"), new("citizens", RightAligned: true)],
            report.Milestones.Select(m => (IReadOnlyList<string>)[m.Code, Number(m.Citizens)])),
        "  Self-sufficient at months after handover",
        SelfSufficiencyTable(report.SelfSufficiency),
        "  Closed out by final status",
        TextTable.Format([new("final status"), new("citizens", RightAligned: true)],
            report.FinalStatuses.Select(s => (IReadOnlyList<string>)[StatusName(s.Status), Number(s.Citizens)])),
    ]);

    /// <summary>One line per month, one column per status in the service's order (every month lists every status).</summary>
    public static string MonthsTable(IReadOnlyList<MonthlyStatusCounts> months)
    {
        var statuses = months.Count == 0 ? [] : months[0].Counts.Select(c => c.Status).ToList();
        TextTable.Column[] columns =
        [
            new("month"), new("counted on"), new("in follow-up", RightAligned: true),
            .. statuses.Select(s => new TextTable.Column(StatusName(s), RightAligned: true)),
            new("self-sufficient", RightAligned: true), new("completed", RightAligned: true), new("exited", RightAligned: true),
        ];
        return TextTable.Format(columns, months.Select(m => (IReadOnlyList<string>)
        [
            m.Month, FinanceDates.Text(m.CountedOn), Number(m.InFollowUp),
            .. statuses.Select(s => Number(m.Counts.Where(c => c.Status == s).Sum(c => c.Citizens))),
            Number(m.SelfSufficient), Number(m.Completed), Number(m.Exited),
        ]));
    }

    public static string KpiTable(IEnumerable<KpiResult> kpis) => TextTable.Format(
        [new("kpi"), new("description"), new("counts"), new("target", RightAligned: true), new("actual", RightAligned: true)],
        kpis.Select(k => (IReadOnlyList<string>)
        [
            k.Target.Code, k.Target.Description, Counted(k.Target), Number(k.Target.Target), Number(k.Actual),
        ]));

    public static string SelfSufficiencyTable(IEnumerable<SelfSufficiencyAtMonth> shares) => TextTable.Format(
        [
            new("months", RightAligned: true), new("reached", RightAligned: true), new("self-sufficient", RightAligned: true),
            new("not reported", RightAligned: true), new("exited before", RightAligned: true), new("share", RightAligned: true),
        ],
        shares.Select(s => (IReadOnlyList<string>)
        [
            Number(s.Months), Number(s.Reached), Number(s.SelfSufficient), Number(s.NotReported), Number(s.ExitedBefore),
            PartnershipCost.Percent(s.ShareBasisPoints),
        ]));

    /// <summary>What a KPI counts: "citizens with job_start", "employers".</summary>
    public static string Counted(KpiTarget target) => target.Measure switch
    {
        KpiMeasure.CitizensWithOutcome => $"citizens with {StatusCsv.Name(target.OutcomeKind)}",
        KpiMeasure.CitizensWithMilestone => $"citizens with {target.MilestoneCode}",
        KpiMeasure.Employers => "employers",
        _ => StatusCsv.Name(target.Measure),
    };

    /// <summary>The report counts a week no source reported under the unspecified status.</summary>
    private static string StatusName(WeeklyStatus status) => status == WeeklyStatus.Unspecified ? "not reported" : StatusCsv.Name(status);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
