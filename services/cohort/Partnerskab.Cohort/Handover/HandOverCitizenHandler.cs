using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Cohort.Partnerships;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Cohort.Handover;

/// <summary>The kommune hands a citizen over to the provider (<see cref="HandoverDecision"/>); the same data sent again is safe.</summary>
public sealed class HandOverCitizenHandler(CohortDbContext db, CprPseudonymizer pseudonymizer, IClock clock)
{
    public async Task<HandOverCitizenResponse> HandleAsync(HandOverCitizenRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var candidate = Handovers.ValidCandidate(v, request.Cpr, request.HandoverDate, request.BenefitType, request.WeeksSickListed, request.CaseReference);
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var partnership = await PartnershipStore.LockAsync(db, partnershipId, cancellationToken);
        var citizenId = pseudonymizer.Pseudonym(candidate!.Cpr);
        AuditCall.Citizen(partnershipId, citizenId);
        var existing = await db.Citizens.AsNoTracking()
            .FirstOrDefaultAsync(c => c.PartnershipId == partnershipId && c.CitizenId == citizenId, cancellationToken);
        var holder = await db.Citizens.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.CaseReference == candidate.CaseReference && c.CaseReference != "")
            .Select(c => c.CitizenId).FirstOrDefaultAsync(cancellationToken);

        switch (HandoverDecision.Decide(partnership, candidate, citizenId, existing, holder, partnership.PlacesTaken, clock.GetCurrentInstant()))
        {
            case HandoverDecision.Accepted accepted:
                Handovers.Stage(db, accepted.Citizen);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new HandOverCitizenResponse { Citizen = accepted.Citizen.ToProto(clock.Today()), Created = true };
            case HandoverDecision.Unchanged unchanged:
                return new HandOverCitizenResponse { Citizen = unchanged.Existing.ToProto(clock.Today()), Created = false };
            case HandoverDecision.Ineligible ineligible:
                throw new InvalidRequestException(ineligible.Violations
                    .Select(x => new Google.Rpc.BadRequest.Types.FieldViolation { Field = x.Field, Description = x.Reason })
                    .ToList());
            case HandoverDecision.HandedOverWithOtherData other:
                throw DomainException.AlreadyExists($"Citizen {other.Existing.CitizenId} is already handed over to this partnership with other data.");
            case HandoverDecision.CohortFull full:
                throw DomainException.FailedPrecondition($"The cohort is full: {full.PlacesTaken} of {full.Capacity} places are taken.");
            case HandoverDecision.CaseReferenceTaken taken:
                throw new InvalidRequestException([new Google.Rpc.BadRequest.Types.FieldViolation
                {
                    Field = "case_reference", Description = Handovers.CaseReferenceTakenReason(taken),
                }]);
            default:
                throw new InvalidOperationException("Unknown handover outcome.");
        }
    }
}
