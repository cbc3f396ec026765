using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Audit;
using static Partnerskab.Tokens.SuiteRoles;
using Rpc = Partnerskab.Protos.Outcome.V1.OutcomeService.OutcomeServiceBase;

namespace Partnerskab.Outcome;

/// <summary>Who may call which outcome RPC; the partnership scope is checked on top (see <see cref="AccessInterceptor"/>).</summary>
public static class OutcomeAccess
{
    public static AccessPolicy Policy { get; } = new(OutcomeService.Descriptor.FullName, new Dictionary<string, string[]>
    {
        [nameof(Rpc.SetMilestoneDefinitions)] = [Kommune],
        [nameof(Rpc.GetMilestoneDefinitions)] = [Kommune, Provider, Finance, Committee, Investor],
        [nameof(Rpc.ClaimOutcome)] = [Provider],
        [nameof(Rpc.VerifyOutcomeClaim)] = [Kommune],
        [nameof(Rpc.RejectOutcomeClaim)] = [Kommune],
        [nameof(Rpc.CorrectOutcomeClaim)] = [Kommune],
        [nameof(Rpc.RevokeOutcomeClaim)] = [Kommune],
        [nameof(Rpc.GetOutcomeClaim)] = [Kommune, Provider],
        [nameof(Rpc.ListOutcomeClaims)] = [Kommune, Provider],
        [nameof(Rpc.ReportDeliverable)] = [Provider],
        [nameof(Rpc.ReportWeeklyStatuses)] = [Kommune, Provider],
        [nameof(Rpc.GetTimeline)] = [Kommune, Provider],
        [nameof(Rpc.ListMilestones)] = [Kommune, Provider, Finance],
        [nameof(Rpc.SetFollowUpPlan)] = [Kommune],
        [nameof(Rpc.GetFollowUpPlan)] = [Kommune, Provider],
        [nameof(Rpc.RecordContact)] = [Provider],
        [nameof(Rpc.GetFollowUpSchedule)] = [Kommune, Provider],
        [nameof(Rpc.GetWorklist)] = [Kommune, Provider],
        [nameof(Rpc.SetKpiTargets)] = [Kommune],
        [nameof(Rpc.GetKpiTargets)] = [Kommune, Committee, Investor],
        [nameof(Rpc.GetCommitteeReport)] = [Kommune, Committee, Investor],
        // Entered like the rate card, by finance; read, aggregates only, like the committee report.
        [nameof(Rpc.SetBusinessCaseInputs)] = [Finance],
        [nameof(Rpc.GetBusinessCase)] = [Kommune, Finance, Committee, Investor],
        // The comparison group comes from the kommune's register, as its statuses do.
        [nameof(Rpc.RegisterComparisonCitizens)] = [Kommune],
        [nameof(Rpc.ListAuditEntries)] = [Auditor],
    });

    /// <summary>Every write, and every read of citizen-level data: every call to them is in the audit log.</summary>
    public static AuditPolicy Audited { get; } = new(OutcomeService.Descriptor.FullName,
    [
        nameof(Rpc.SetFollowUpPlan),
        nameof(Rpc.SetKpiTargets),
        nameof(Rpc.SetBusinessCaseInputs),
        // New definitions recompute every citizen's milestones.
        nameof(Rpc.SetMilestoneDefinitions),
        nameof(Rpc.ClaimOutcome),
        nameof(Rpc.VerifyOutcomeClaim),
        nameof(Rpc.RejectOutcomeClaim),
        nameof(Rpc.CorrectOutcomeClaim),
        nameof(Rpc.RevokeOutcomeClaim),
        nameof(Rpc.GetOutcomeClaim),
        nameof(Rpc.ListOutcomeClaims),
        nameof(Rpc.ReportWeeklyStatuses),
        nameof(Rpc.RegisterComparisonCitizens),
        nameof(Rpc.GetTimeline),
        nameof(Rpc.ListMilestones),
        nameof(Rpc.RecordContact),
        nameof(Rpc.GetFollowUpSchedule),
        nameof(Rpc.GetWorklist),
    ]);
}
