using Grpc.Core;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Outcome.Claims;

/// <summary>The kommune verifies a claim: it counts from now on, and the citizen's milestones are recomputed.</summary>
public sealed class VerifyOutcomeClaimHandler(ClaimDecisions decisions)
{
    public async Task<VerifyOutcomeClaimResponse> HandleAsync(VerifyOutcomeClaimRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var claimId = v.Id(request.ClaimId, "claim_id");
        var verifiedBy = v.Text(request.VerifiedBy, "verified_by", 100);
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        var found = await decisions.FindAsync(claimId, context);
        ClaimDecisions.Allowed(ClaimLifecycle.Verify(found.Status), claimId);
        var followUp = await decisions.EnsureInFollowUpAsync(found, found.OutcomeDate, cancellationToken);
        var (claim, change) = await decisions.DecideAsync(found, c => ClaimLifecycle.Verify(c.Status), verifiedBy, null, context,
            beforeMove: c => decisions.OpenFollowUpIfUnknownAsync(c, followUp, cancellationToken));
        return new VerifyOutcomeClaimResponse { Claim = claim.ToProto(), MilestonesReached = { change.Reached.Select(MilestoneProtos.ToProto) } };
    }
}
