using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Contracts;
using Partnerskab.Cohort.Handover;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Messaging.Outbox;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Cohort.Advisors;

/// <summary>The provider assigns a citizen in follow-up to an advisor; every assignment is kept.</summary>
public sealed partial class AssignAdvisorHandler(CohortDbContext db, IClock clock)
{
    public async Task<AssignAdvisorResponse> HandleAsync(AssignAdvisorRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var citizenId = CitizenPseudonym.Valid(v, request.CitizenId);
        var advisorId = request.AdvisorId.Trim();
        v.Check(AdvisorIdPattern().IsMatch(advisorId), "advisor_id", "must be 1-100 characters of letters, digits, '.', '_', '-' and '@'");
        var assignedOn = v.Date(request.AssignedOn, "assigned_on");
        v.ThrowIfInvalid();
        AuditCall.Citizen(partnershipId, citizenId);

        var cancellationToken = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var citizen = await db.Citizens
            .FromSql($"SELECT * FROM citizens WHERE partnership_id = {partnershipId} AND citizen_id = {citizenId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw DomainException.NotFound($"Citizen {citizenId} is not in partnership {partnershipId}.");
        if (citizen.AdvisorId == advisorId)
        {
            return new AssignAdvisorResponse { Citizen = citizen.ToProto(clock.Today()) };
        }
        if (!citizen.InFollowUpOn(assignedOn))
        {
            throw DomainException.FailedPrecondition(
                $"Citizen {citizenId} is not in follow-up on {assignedOn:uuuu-MM-dd}; an advisor can only be assigned during follow-up.");
        }

        var now = clock.GetCurrentInstant();
        citizen.AdvisorId = advisorId;
        db.AdvisorAssignments.Add(new AdvisorAssignment
        {
            Id = Guid.CreateVersion7(),
            PartnershipId = partnershipId,
            CitizenId = citizenId,
            AdvisorId = advisorId,
            AssignedOn = assignedOn,
            RecordedAt = now,
        });
        db.AddToOutbox(new AdvisorAssigned
        {
            PartnershipId = partnershipId,
            CitizenId = new Pseudonym(citizenId),
            AdvisorId = advisorId,
            AssignedOn = assignedOn.ToDateOnly(),
        }, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AssignAdvisorResponse { Citizen = citizen.ToProto(clock.Today()) };
    }

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,100}$")]
    private static partial Regex AdvisorIdPattern();
}
