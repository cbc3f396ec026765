using Grpc.Core;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Outcome.Claims;

/// <summary>The kommune rejects a claim it has not verified, saying why.</summary>
public sealed class RejectOutcomeClaimHandler(ClaimDecisions decisions)
{
    public async Task<RejectOutcomeClaimResponse> HandleAsync(RejectOutcomeClaimRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var claimId = v.Id(request.ClaimId, "claim_id");
        var rejectedBy = v.Text(request.RejectedBy, "rejected_by", 100);
        var reason = v.Text(request.Reason, "reason", 500);
        v.ThrowIfInvalid();

        // Decided under the citizen's lock, so a verification running at the same time cannot slip between.
        var (claim, _) = await decisions.DecideAsync(await decisions.FindAsync(claimId, context),
            c => ClaimLifecycle.Reject(c.Status, c.DecisionReason, reason), rejectedBy, reason, context);
        return new RejectOutcomeClaimResponse { Claim = claim.ToProto() };
    }
}
