using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Persistence;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Outcome.Checkpoints;

/// <summary>The provider records a contact with a citizen in follow-up; a retry under the same reference is safe.</summary>
public sealed class RecordContactHandler(OutcomeDbContext db, FollowUpLookup followUps, MilestoneRecalculation recalculation, KeptReads kept, IClock clock)
{
    public async Task<RecordContactResponse> HandleAsync(RecordContactRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var citizenId = CitizenPseudonym.Valid(v, request.CitizenId);
        var reference = v.Text(request.ContactReference, "contact_reference", 100);
        var violationsBefore = v.Violations.Count;
        var contactDate = v.Date(request.ContactDate, "contact_date");
        if (v.Violations.Count == violationsBefore) v.Check(contactDate <= clock.Today(), "contact_date", "must not be in the future");
        var channel = (ContactChannel)(int)v.Enum(request.Channel, "channel");
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        AuditCall.Citizen(partnershipId, citizenId);
        var citizen = await followUps.KnownAsync(partnershipId, citizenId, cancellationToken);
        if (citizen is null)
        {
            var answer = await followUps.AskAsync(partnershipId, citizenId, contactDate, cancellationToken)
                ?? throw DomainException.NotFound($"Citizen {citizenId} is not in follow-up in partnership {partnershipId}.");
            // The cohort's answer knows an exit the exit event has not brought here yet; the window alone does not.
            v.Check(answer.InFollowUp, "contact_date", answer.OutsideReason($"the contact date {contactDate:uuuu-MM-dd}"));
            v.ThrowIfInvalid();
            await followUps.OpenNowIfUnknownAsync(partnershipId, citizenId, answer, cancellationToken);
        }
        else if (!citizen.InFollowUp(contactDate))
        {
            v.Add("contact_date", citizen.OutsideFollowUpReason($"the contact date {contactDate:uuuu-MM-dd}"));
            v.ThrowIfInvalid();
        }
        var contact = new Contact
        {
            Id = Guid.CreateVersion7(),
            PartnershipId = partnershipId,
            CitizenId = citizenId,
            Reference = reference,
            ContactDate = contactDate,
            Channel = channel,
            RecordedAt = clock.GetCurrentInstant(),
        };
        db.Contacts.Add(contact);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // The citizen's contacts are read again under its lock to keep its worklist rows.
            await recalculation.LockCitizensAsync(partnershipId, [citizenId], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await kept.KeepStoredAsync([(partnershipId, citizenId)], FactsChanged.Contacts, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new RecordContactResponse { Contact = ToProto(contact), Created = true };
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var existing = await db.Contacts.AsNoTracking()
                .FirstAsync(c => c.PartnershipId == partnershipId && c.Reference == reference, cancellationToken);
            return existing.SameAs(contact)
                ? new RecordContactResponse { Contact = ToProto(existing), Created = false }
                : throw DomainException.AlreadyExists($"Contact reference '{reference}' is already used for another contact ({existing.Id}).");
        }
    }

    private static Protos.Outcome.V1.Contact ToProto(Contact c) => new()
    {
        ContactId = c.Id.ToString(),
        PartnershipId = c.PartnershipId.ToString(),
        CitizenId = c.CitizenId,
        ContactReference = c.Reference,
        ContactDate = c.ContactDate.ToProto(),
        Channel = (Protos.Outcome.V1.ContactChannel)(int)c.Channel,
    };
}
