using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Reports;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;
using ClaimStatus = Partnerskab.Outcome.Claims.ClaimStatus;
using KpiMeasure = Partnerskab.Outcome.Reports.KpiMeasure;
using KpiTarget = Partnerskab.Outcome.Reports.KpiTarget;
using MilestoneCount = Partnerskab.Protos.Outcome.V1.MilestoneCount;
using StatusCount = Partnerskab.Protos.Outcome.V1.StatusCount;

namespace Partnerskab.Outcome;

public sealed partial class OutcomeGrpcService
{
    public override async Task<SetKpiTargetsResponse> SetKpiTargets(SetKpiTargetsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        v.Check(request.Targets.Count is >= 1 and <= 100, "targets", "must hold between 1 and 100 targets");
        var targets = new List<KpiTarget>();
        for (var i = 0; i < request.Targets.Count; i++)
        {
            var t = request.Targets[i];
            var field = $"targets[{i}]";
            var code = t.Code.Trim();
            v.Check(KpiCode().IsMatch(code), $"{field}.code", "must be 1-50 characters of A-Z, 0-9 and _");
            v.Check(targets.All(other => other.Code != code), $"{field}.code", $"'{code}' is defined twice");
            var description = v.OptionalText(t.Description, $"{field}.description");
            var measure = (KpiMeasure)(int)v.Enum(t.Measure, $"{field}.measure");
            if (measure == KpiMeasure.CitizensWithOutcome) v.Enum(t.OutcomeKind, $"{field}.outcome_kind");
            var milestoneCode = t.MilestoneCode.Trim();
            if (measure == KpiMeasure.CitizensWithMilestone)
            {
                v.Check(KpiCode().IsMatch(milestoneCode), $"{field}.milestone_code", "must be a milestone code: 1-50 characters of A-Z, 0-9 and _");
            }
            v.Check(t.Target is >= 0 and <= 1_000_000, $"{field}.target", "must be between 0 and 1000000");
            targets.Add(new KpiTarget
            {
                PartnershipId = partnershipId,
                Code = code,
                Description = description,
                Measure = measure,
                OutcomeKind = measure == KpiMeasure.CitizensWithOutcome ? (Claims.OutcomeKind)(int)t.OutcomeKind : null,
                MilestoneCode = measure == KpiMeasure.CitizensWithMilestone ? milestoneCode : null,
                Target = t.Target,
            });
        }
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        await cohort.EnsurePartnershipExistsAsync(partnershipId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.KpiTargets.Where(t => t.PartnershipId == partnershipId).ExecuteDeleteAsync(cancellationToken);
        db.KpiTargets.AddRange(targets);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var response = new SetKpiTargetsResponse();
        response.Targets.AddRange(ProtosByCode(targets));
        return response;
    }

    public override async Task<GetKpiTargetsResponse> GetKpiTargets(GetKpiTargetsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        var targets = await db.KpiTargets.AsNoTracking().Where(t => t.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        // No targets is a valid state (the report then has no KPI rows); an unknown partnership is not.
        if (targets.Count == 0) await cohort.EnsurePartnershipExistsAsync(partnershipId, cancellationToken);
        var response = new GetKpiTargetsResponse();
        response.Targets.AddRange(ProtosByCode(targets));
        return response;
    }

    public override async Task<GetCommitteeReportResponse> GetCommitteeReport(GetCommitteeReportRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var asOf = request.AsOf is null ? Today : v.Date(request.AsOf, "as_of");
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        var citizens = await db.FollowUpCitizens.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.ExitReason != FollowUpCitizen.WronglyEnrolled)
            .ToListAsync(cancellationToken);
        // Citizens come only from the cohort service's handovers, so a partnership with some exists.
        if (citizens.Count == 0) await cohort.EnsurePartnershipExistsAsync(partnershipId, cancellationToken);
        var outcomes = await db.Claims.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.Status == ClaimStatus.Verified && c.OutcomeDate <= asOf)
            .Select(c => new CommitteeReport.VerifiedOutcome(c.CitizenId, c.Kind, c.OutcomeDate, c.EmployerCvr))
            .ToListAsync(cancellationToken);
        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => m.PartnershipId == partnershipId && m.RevokedAt == null && m.AchievedOn <= asOf)
            .Select(m => new CommitteeReport.StandingMilestone(m.CitizenId, m.Code, m.AchievedOn))
            .ToListAsync(cancellationToken);
        var codes = await db.MilestoneDefinitions.AsNoTracking().Where(d => d.PartnershipId == partnershipId).Select(d => d.Code).ToListAsync(cancellationToken);
        var targets = await db.KpiTargets.AsNoTracking().Where(t => t.PartnershipId == partnershipId).ToListAsync(cancellationToken);

        var report = CommitteeReport.Build(new CommitteeReport.Facts(
            citizens.Select(c => new CommitteeReport.Citizen(c.CitizenId, WindowOf(c), c.Weeks)).ToList(),
            outcomes, milestones, codes, targets), asOf);

        var response = new GetCommitteeReportResponse { PartnershipId = partnershipId.ToString(), AsOf = asOf.ToProto(), HandedOver = report.HandedOver };
        response.Months.AddRange(report.Months.Select(m =>
        {
            var month = new MonthlyStatusCounts
            {
                Month = YearMonthPattern.Iso.Format(m.YearMonth),
                CountedOn = m.CountedOn.ToProto(),
                InFollowUp = m.InFollowUp,
                Completed = m.Completed,
                Exited = m.Exited,
                SelfSufficient = m.SelfSufficient,
            };
            month.Counts.AddRange(m.Counts.Select(ToProto));
            return month;
        }));
        response.Kpis.AddRange(report.Kpis.Select(k => new KpiResult { Target = ToProto(k.Target), Actual = k.Actual }));
        response.Milestones.AddRange(report.Milestones.Select(m => new MilestoneCount { Code = m.Code, Citizens = m.Citizens }));
        response.SelfSufficiency.AddRange(report.SelfSufficiency.Select(s => new SelfSufficiencyAtMonth
        {
            Months = s.Months,
            Reached = s.Reached,
            SelfSufficient = s.SelfSufficient,
            NotReported = s.NotReported,
            ExitedBefore = s.ExitedBefore,
            ShareBasisPoints = s.ShareBasisPoints,
        }));
        response.FinalStatuses.AddRange(report.FinalStatuses.Select(ToProto));
        return response;
    }

    private static StatusCount ToProto(CommitteeReport.StatusCount c) => new() { Status = ToProto(c.Status), Citizens = c.Citizens };

    private static IEnumerable<Protos.Outcome.V1.KpiTarget> ProtosByCode(IEnumerable<KpiTarget> targets) =>
        targets.OrderBy(t => t.Code, StringComparer.Ordinal).Select(ToProto);

    private static Protos.Outcome.V1.KpiTarget ToProto(KpiTarget t) => new()
    {
        Code = t.Code,
        Description = t.Description,
        Measure = (Protos.Outcome.V1.KpiMeasure)(int)t.Measure,
        OutcomeKind = t.OutcomeKind is { } kind ? (Protos.Outcome.V1.OutcomeKind)(int)kind : Protos.Outcome.V1.OutcomeKind.Unspecified,
        MilestoneCode = t.MilestoneCode ?? "",
        Target = t.Target,
    };

    [GeneratedRegex("^[A-Z0-9_]{1,50}$")]
    private static partial Regex KpiCode();
}
