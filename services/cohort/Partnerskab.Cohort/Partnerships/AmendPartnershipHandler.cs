using Grpc.Core;
using NodaTime;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Messaging.Outbox;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Cohort.Partnerships;

/// <summary>The kommune amends the current version of an agreement, saying why (<see cref="AgreementDecision.Amending"/>).</summary>
public sealed class AmendPartnershipHandler(CohortDbContext db, IClock clock)
{
    public async Task<AmendPartnershipResponse> HandleAsync(AmendPartnershipRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        v.Check(request.ExpectedVersion >= 1, "expected_version", "must be the version being amended (1 or more)");
        var terms = PartnershipProtos.Terms(v, request.Name, request.Kommune, request.Provider, request.Investor, request.ContractStart, request.ContractEnd,
            request.CohortCapacity, request.FollowUpMonths, request.HandoverWindowStart, request.HandoverWindowEnd, request.Eligibility);
        var reason = v.Text(request.Reason, "reason", 500);
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await PartnershipStore.LockAsync(db, partnershipId, cancellationToken);
        context.Caller().EnsureInOwnName(current.Terms.Kommune.Cvr, "kommune.cvr");
        var version = AgreementDecision.Amending(current, request.ExpectedVersion, terms, current.PlacesTaken) switch
        {
            AgreementDecision.Amend amend => amend.Version,
            AgreementDecision.StaleVersion stale => throw DomainException.FailedPrecondition(
                $"Partnership {partnershipId} is at version {stale.Current}, not {request.ExpectedVersion}; read it again and amend the current version."),
            AgreementDecision.PartiesChanged changed => throw new InvalidRequestException(changed.Violations
                .Select(x => new Google.Rpc.BadRequest.Types.FieldViolation { Field = x.Field, Description = x.Reason }).ToList()),
            AgreementDecision.ChangesNothing => throw DomainException.FailedPrecondition("The amendment changes nothing in the agreement."),
            AgreementDecision.BelowPlacesTaken below => throw new InvalidRequestException([new Google.Rpc.BadRequest.Types.FieldViolation
            {
                Field = "cohort_capacity",
                Description = $"must be at least the {below.PlacesTaken} places already taken",
            }]),
            _ => throw new InvalidOperationException("Unknown amendment decision."),
        };

        var now = clock.GetCurrentInstant();
        var amended = new Partnership { Id = current.Id, Reference = current.Reference, Version = version, Terms = terms, RegisteredAt = current.RegisteredAt };
        db.Partnerships.Update(amended);
        db.PartnershipVersions.Add(new PartnershipVersion { PartnershipId = partnershipId, Version = amended.Version, Terms = terms.Copy(), Reason = reason, RecordedAt = now });
        db.AddToOutbox(PartnershipEvents.Amended(amended), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AmendPartnershipResponse { Partnership = amended.ToProto(current.PlacesTaken) };
    }
}
