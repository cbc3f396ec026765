using Grpc.Core;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Outcome.Claims;

/// <summary>The kommune revokes a verified claim, saying why; what rested on it is revoked with it.</summary>
public sealed class RevokeOutcomeClaimHandler(ClaimDecisions decisions)
{
    public async Task<RevokeOutcomeClaimResponse> HandleAsync(RevokeOutcomeClaimRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var claimId = v.Id(request.ClaimId, "claim_id");
        var revokedBy = v.Text(request.RevokedBy, "revoked_by", 100);
        var reason = v.Text(request.Reason, "reason", 500);
        v.ThrowIfInvalid();

        var (claim, change) = await decisions.DecideAsync(await decisions.FindAsync(claimId, context),
            c => ClaimLifecycle.Revoke(c.Status, c.DecisionReason, reason), revokedBy, reason, context);
        return new RevokeOutcomeClaimResponse
        {
            Claim = claim.ToProto(),
            MilestonesRevoked = { change.Revoked.Select(MilestoneProtos.ToProto) },
            MilestonesReached = { change.Reached.Select(MilestoneProtos.ToProto) },
        };
    }
}
