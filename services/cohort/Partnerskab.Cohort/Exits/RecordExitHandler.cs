using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Cohort.Handover;
using Partnerskab.Cohort.Partnerships;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Contracts;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Messaging.Outbox;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using ExitReason = Partnerskab.Contracts.ExitReason;

namespace Partnerskab.Cohort.Exits;

/// <summary>The kommune records a citizen's exit from follow-up; the same exit sent again is safe.</summary>
public sealed class RecordExitHandler(CohortDbContext db, IClock clock)
{
    public async Task<RecordExitResponse> HandleAsync(RecordExitRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var citizenId = CitizenPseudonym.Valid(v, request.CitizenId);
        var exitDate = v.Date(request.ExitDate, "exit_date");
        v.Enum(request.Reason, "reason");
        v.ThrowIfInvalid();
        var reason = (ExitReason)(int)request.Reason;
        AuditCall.Citizen(partnershipId, citizenId);

        var cancellationToken = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The partnership lock orders exits with handovers, whose capacity check a wrongly enrolled exit changes.
        await PartnershipStore.LockAsync(db, partnershipId, cancellationToken);
        var citizen = await db.Citizens.FirstOrDefaultAsync(c => c.PartnershipId == partnershipId && c.CitizenId == citizenId, cancellationToken)
            ?? throw DomainException.NotFound($"Citizen {citizenId} is not in partnership {partnershipId}.");

        if (citizen.ExitDate is { } recorded)
        {
            return recorded == exitDate && citizen.ExitReason == reason
                ? new RecordExitResponse { Citizen = citizen.ToProto(clock.Today()), Recorded = false }
                : throw DomainException.FailedPrecondition($"Citizen {citizenId} already exited on {recorded:uuuu-MM-dd} ({citizen.ExitReason}).");
        }
        if (exitDate < citizen.HandoverDate || exitDate >= citizen.FollowUpEnd)
        {
            v.Add("exit_date", $"must be inside the citizen's follow-up {citizen.HandoverDate:uuuu-MM-dd} to {citizen.FollowUpEnd:uuuu-MM-dd} (end exclusive)");
            v.ThrowIfInvalid();
        }

        citizen.ExitDate = exitDate;
        citizen.ExitReason = reason;
        db.AddToOutbox(new CitizenExited
        {
            PartnershipId = partnershipId,
            CitizenId = new Pseudonym(citizenId),
            ExitDate = exitDate.ToDateOnly(),
            Reason = reason,
        }, clock.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RecordExitResponse { Citizen = citizen.ToProto(clock.Today()), Recorded = true };
    }
}
