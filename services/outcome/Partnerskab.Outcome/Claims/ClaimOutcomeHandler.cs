using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Outcome.Claims;

/// <summary>The provider claims an outcome for a citizen in follow-up; a retry under the same claim reference is safe.</summary>
public sealed class ClaimOutcomeHandler(OutcomeDbContext db, FollowUpLookup followUps, IClock clock)
{
    /// <summary>Who the history names for the provider's own claim (the request carries no person).</summary>
    private const string Provider = "provider";

    public async Task<ClaimOutcomeResponse> HandleAsync(ClaimOutcomeRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var citizenId = CitizenPseudonym.Valid(v, request.CitizenId);
        var claimReference = v.Text(request.ClaimReference, "claim_reference", 100);
        var kind = (OutcomeKind)(int)v.Enum(request.Kind, "kind");
        var content = ClaimContentRules.Valid(v, request.OutcomeDate, request.HoursPerWeekHundredths, request.EmployerCvr, request.EvidenceReference);
        ClaimContentRules.ValidForKind(v, kind, content);
        v.ThrowIfInvalid();
        AuditCall.Citizen(partnershipId, citizenId);

        var cancellationToken = context.CancellationToken;
        // The follow-up from the handover event or, if it has not arrived, from the cohort service.
        var citizen = await followUps.KnownOrAskAsync(partnershipId, citizenId, clock.Today(), cancellationToken)
            ?? throw DomainException.NotFound($"Citizen {citizenId} is not in partnership {partnershipId}.");
        if (!citizen.InFollowUp(content.OutcomeDate))
        {
            v.Add("outcome_date", citizen.OutsideFollowUpReason($"the outcome date {content.OutcomeDate:uuuu-MM-dd}"));
            v.ThrowIfInvalid();
        }

        // To the microsecond, as PostgreSQL keeps it: the claim answers as every later read will.
        var now = Instant.FromUnixTimeTicks(clock.GetCurrentInstant().ToUnixTimeTicks() / 10 * 10);
        var claim = new OutcomeClaim
        {
            Id = Guid.CreateVersion7(),
            PartnershipId = partnershipId,
            CitizenId = citizenId,
            ClaimReference = claimReference,
            Kind = kind,
            EmployerCvr = content.EmployerCvr,
            EvidenceReference = content.EvidenceReference,
            Status = ClaimStatus.Claimed,
            ClaimedAt = now,
        };
        claim.Apply(content);
        var existing = await db.Claims.AsNoTracking()
            .FirstOrDefaultAsync(c => c.PartnershipId == partnershipId && c.ClaimReference == claimReference, cancellationToken);
        switch (ClaimLifecycle.File(claim, existing))
        {
            case ClaimLifecycle.SameClaim same:
                return new ClaimOutcomeResponse { Claim = same.Existing.ToProto(), Created = false };
            case ClaimLifecycle.ReferenceTaken taken:
                throw DomainException.AlreadyExists($"Claim reference '{claimReference}' is already used for another claim ({taken.Existing.Id}).");
        }
        db.Claims.Add(claim);
        db.ClaimHistory.Add(claim.Decide(ClaimAction.Claimed, Provider, null, now));
        await db.SaveChangesAsync(cancellationToken);
        return new ClaimOutcomeResponse { Claim = claim.ToProto(), Created = true };
    }
}
