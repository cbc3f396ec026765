using Grpc.Core;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Outcome.Claims;

/// <summary>The kommune corrects a verified claim's content, saying why; the citizen's milestones follow the corrected facts.</summary>
public sealed class CorrectOutcomeClaimHandler(ClaimDecisions decisions)
{
    public async Task<CorrectOutcomeClaimResponse> HandleAsync(CorrectOutcomeClaimRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var claimId = v.Id(request.ClaimId, "claim_id");
        var correctedBy = v.Text(request.CorrectedBy, "corrected_by", 100);
        var reason = v.Text(request.Reason, "reason", 500);
        var content = ClaimContentRules.Valid(v, request.OutcomeDate, request.HoursPerWeekHundredths, request.EmployerCvr, request.EvidenceReference);
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        var found = await decisions.FindAsync(claimId, context);
        // The kind cannot change, so the rules that depend on it are checked once the claim is known.
        ClaimContentRules.ValidForKind(v, found.Kind, content);
        v.ThrowIfInvalid();
        if (ClaimDecisions.Allowed(ClaimLifecycle.Correct(found.Status, found.Content, content), claimId) is ClaimLifecycle.AlreadyDone)
        {
            return new CorrectOutcomeClaimResponse { Claim = found.ToProto() };
        }
        var followUp = await decisions.EnsureInFollowUpAsync(found, content.OutcomeDate, cancellationToken);
        var (claim, change) = await decisions.DecideAsync(found, c => ClaimLifecycle.Correct(c.Status, c.Content, content), correctedBy, reason, context,
            beforeMove: async c =>
            {
                await decisions.OpenFollowUpIfUnknownAsync(c, followUp, cancellationToken);
                c.Apply(content);
            });
        return new CorrectOutcomeClaimResponse
        {
            Claim = claim.ToProto(),
            MilestonesReached = { change.Reached.Select(MilestoneProtos.ToProto) },
            MilestonesRevoked = { change.Revoked.Select(MilestoneProtos.ToProto) },
        };
    }
}
