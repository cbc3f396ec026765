using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Outcome.Reports;

/// <summary>The kommune replaces a partnership's KPI targets (måltal).</summary>
public sealed class SetKpiTargetsHandler(OutcomeDbContext db, CohortLookup cohort)
{
    public async Task<SetKpiTargetsResponse> HandleAsync(SetKpiTargetsRequest request, ServerCallContext context)
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
            v.Check(Codes.IsValid(code), $"{field}.code", $"must be {Codes.Rule}");
            v.Check(targets.All(other => other.Code != code), $"{field}.code", $"'{code}' is defined twice");
            var description = v.OptionalText(t.Description, $"{field}.description");
            var measure = (KpiMeasure)(int)v.Enum(t.Measure, $"{field}.measure");
            if (measure == KpiMeasure.CitizensWithOutcome) v.Enum(t.OutcomeKind, $"{field}.outcome_kind");
            var milestoneCode = t.MilestoneCode.Trim();
            if (measure == KpiMeasure.CitizensWithMilestone)
            {
                v.Check(Codes.IsValid(milestoneCode), $"{field}.milestone_code", $"must be a milestone code: {Codes.Rule}");
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
        response.Targets.AddRange(KpiTargetProtos.ByCode(targets));
        return response;
    }
}
