using Grpc.Core;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Outcome.Checkpoints;

/// <summary>A partnership's follow-up plan.</summary>
public sealed class GetFollowUpPlanHandler(OutcomeDbContext db, CohortLookup cohort)
{
    public async Task<GetFollowUpPlanResponse> HandleAsync(GetFollowUpPlanRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        var plan = await FollowUpPlans.StoredAsync(db, partnershipId, cancellationToken);
        if (plan is null)
        {
            await cohort.EnsurePartnershipExistsAsync(partnershipId, cancellationToken);
            throw DomainException.NotFound($"Partnership {partnershipId} has no follow-up plan yet; the kommune sets one with SetFollowUpPlan.");
        }
        return new GetFollowUpPlanResponse { Plan = plan.ToProto() };
    }
}
