using Partnerskab.Cli.Finance;
using Partnerskab.Protos.Outcome.V1;

namespace Partnerskab.Cli.Outcome;

/// <summary>`partnerskab outcome settings ... get`: the milestone definitions, the follow-up plan and the KPI targets as people read them.</summary>
public static class SettingsView
{
    public static string MilestoneDefinitions(GetMilestoneDefinitionsResponse answer) => TextTable.Format(
        [new("milestone"), new("rule"), new("outcome"), new("weeks", RightAligned: true), new("months", RightAligned: true), new("description")],
        answer.Definitions.Select(d => (IReadOnlyList<string>)
        [
            d.Code, StatusCsv.Name(d.RuleKind), d.OutcomeKind == OutcomeKind.Unspecified ? "" : StatusCsv.Name(d.OutcomeKind),
            d.Weeks == 0 ? "" : TextTable.Number(d.Weeks), d.Months == 0 ? "" : TextTable.Number(d.Months), d.Description,
        ]));

    public static string FollowUpPlan(GetFollowUpPlanResponse answer) => $"  plan: {Plan(answer.Plan)}\n";

    /// <summary>The plan in one sentence: "a contact every 4 weeks, a status at 3, 6, 12 months, left without contact after 30 days".</summary>
    public static string Plan(FollowUpPlan? plan) => plan is null
        ? "none"
        : $"a contact every {plan.ContactIntervalWeeks} weeks, a status at {string.Join(", ", plan.StatusCheckpointMonths)} months, "
            + $"left without contact after {plan.NoContactDays} days";

    public static string KpiTargets(GetKpiTargetsResponse answer) => TextTable.Format(
        [new("kpi"), new("description"), new("counts"), new("target", RightAligned: true)],
        answer.Targets.Select(t => (IReadOnlyList<string>)[t.Code, t.Description, CommitteeReportView.Counted(t), TextTable.Number(t.Target)]));
}
