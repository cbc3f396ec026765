using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Messaging.Outbox;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Cohort.Partnerships;

/// <summary>The kommune registers a partnership agreement under its own reference; a retry with the same terms is safe.</summary>
public sealed class CreatePartnershipHandler(CohortDbContext db, IClock clock)
{
    public async Task<CreatePartnershipResponse> HandleAsync(CreatePartnershipRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var reference = v.Text(request.Reference, "reference", 100);
        var terms = PartnershipProtos.Terms(v, request.Name, request.Kommune, request.Provider, request.Investor, request.ContractStart, request.ContractEnd,
            request.CohortCapacity, request.FollowUpMonths, request.HandoverWindowStart, request.HandoverWindowEnd, request.Eligibility);
        v.ThrowIfInvalid();
        context.Caller().EnsureInOwnName(terms.Kommune.Cvr, "kommune.cvr");

        var cancellationToken = context.CancellationToken;
        var existing = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Reference == reference, cancellationToken);
        if (existing is not null)
        {
            return await SameOrConflictAsync(existing, terms, cancellationToken);
        }

        var now = clock.GetCurrentInstant();
        var partnership = new Partnership { Id = Guid.CreateVersion7(), Reference = reference, Version = 1, Terms = terms, RegisteredAt = now };
        db.Partnerships.Add(partnership);
        db.PartnershipVersions.Add(new PartnershipVersion { PartnershipId = partnership.Id, Version = 1, Terms = terms.Copy(), Reason = "", RecordedAt = now });
        db.AddToOutbox(PartnershipEvents.Registered(partnership), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A concurrent registration with the same reference won the race.
            db.ChangeTracker.Clear();
            existing = await db.Partnerships.AsNoTracking().FirstAsync(p => p.Reference == reference, cancellationToken);
            return await SameOrConflictAsync(existing, terms, cancellationToken);
        }
        return new CreatePartnershipResponse { Partnership = partnership.ToProto(0), Created = true };
    }

    /// <summary>A retried registration gets the partnership as it was registered; other terms under the same reference conflict.</summary>
    private async Task<CreatePartnershipResponse> SameOrConflictAsync(Partnership existing, AgreementTerms requested, CancellationToken cancellationToken)
    {
        var registered = await db.PartnershipVersions.AsNoTracking()
            .SingleAsync(pv => pv.PartnershipId == existing.Id && pv.Version == 1, cancellationToken);
        return AgreementDecision.Registering(requested, registered.Terms) is AgreementDecision.AlreadyRegistered
            ? new CreatePartnershipResponse { Partnership = existing.ToProto(existing.PlacesTaken), Created = false }
            : throw DomainException.AlreadyExists($"A different partnership with reference '{existing.Reference}' is already registered ({existing.Id}).");
    }
}
