using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Outcome.Reports;

/// <summary>A partnership's KPI targets, by code.</summary>
public sealed class GetKpiTargetsHandler(OutcomeDbContext db, CohortLookup cohort)
{
    public async Task<GetKpiTargetsResponse> HandleAsync(GetKpiTargetsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        var targets = await db.KpiTargets.AsNoTracking().Where(t => t.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        // No targets is a valid state (the report then has no KPI rows); an unknown partnership is not.
        if (targets.Count == 0) await cohort.EnsurePartnershipExistsAsync(partnershipId, cancellationToken);
        var response = new GetKpiTargetsResponse();
        response.Targets.AddRange(KpiTargetProtos.ByCode(targets));
        return response;
    }
}
