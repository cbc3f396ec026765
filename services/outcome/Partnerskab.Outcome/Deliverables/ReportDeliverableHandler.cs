using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Contracts.Outcome;
using Partnerskab.Messaging.Outbox;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Outcome.Deliverables;

/// <summary>The provider reports a learning-track deliverable, announced once as DeliverableCompleted; a retry under the same reference is safe.</summary>
public sealed class ReportDeliverableHandler(OutcomeDbContext db, CohortLookup cohort, IClock clock)
{
    public async Task<ReportDeliverableResponse> HandleAsync(ReportDeliverableRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var reference = v.Text(request.DeliverableReference, "deliverable_reference", 100);
        var kind = (DeliverableKind)(int)v.Enum(request.Kind, "kind");
        var violationsBefore = v.Violations.Count;
        var completedOn = v.Date(request.CompletedOn, "completed_on");
        var now = clock.GetCurrentInstant();
        if (v.Violations.Count == violationsBefore) v.Check(completedOn <= now.DayInCopenhagen(), "completed_on", "must not be in the future");
        v.Check(request.Quantity is >= 1 and <= 1000, "quantity", "must be between 1 and 1000");
        var evidence = v.Text(request.EvidenceReference, "evidence_reference");
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        await cohort.EnsurePartnershipExistsAsync(partnershipId, cancellationToken);
        var deliverable = new Deliverable
        {
            Id = Guid.CreateVersion7(),
            PartnershipId = partnershipId,
            Reference = reference,
            Kind = kind,
            CompletedOn = completedOn,
            Quantity = request.Quantity,
            EvidenceReference = evidence,
            ReportedAt = now,
        };
        db.Deliverables.Add(deliverable);
        db.AddToOutbox(new DeliverableCompleted
        {
            DeliverableId = deliverable.Id,
            PartnershipId = partnershipId,
            Kind = kind.ToString(),
            CompletedOn = completedOn.ToDateOnly(),
            Quantity = deliverable.Quantity,
        }, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new ReportDeliverableResponse { Deliverable = ToProto(deliverable), Created = true };
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            var existing = await db.Deliverables.AsNoTracking()
                .FirstAsync(d => d.PartnershipId == partnershipId && d.Reference == reference, cancellationToken);
            return existing.SameAs(deliverable)
                ? new ReportDeliverableResponse { Deliverable = ToProto(existing), Created = false }
                : throw DomainException.AlreadyExists($"Deliverable reference '{reference}' is already used for another deliverable ({existing.Id}).");
        }
    }

    private static Protos.Outcome.V1.Deliverable ToProto(Deliverable d) => new()
    {
        DeliverableId = d.Id.ToString(),
        PartnershipId = d.PartnershipId.ToString(),
        DeliverableReference = d.Reference,
        Kind = (Protos.Outcome.V1.DeliverableKind)(int)d.Kind,
        CompletedOn = d.CompletedOn.ToProto(),
        Quantity = d.Quantity,
        EvidenceReference = d.EvidenceReference,
    };
}
