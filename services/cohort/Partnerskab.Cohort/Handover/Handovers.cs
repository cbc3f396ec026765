using Microsoft.EntityFrameworkCore;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Contracts;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Messaging.Outbox;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Cohort.Handover;

/// <summary>What the single handover and the import share: the checks of a row's fields, the event a handover sends, and finding a citizen.</summary>
public static class Handovers
{
    /// <summary>The field checks of one handover, for a single call and an import row alike; null when a field is wrong.</summary>
    public static HandoverCandidate? ValidCandidate(RequestValidator v, string cpr, Google.Type.Date? handoverDate,
        Protos.Cohort.V1.BenefitType benefitType, int weeksSickListed, string caseReference)
    {
        var before = v.IsValid;
        if (!CprNumber.TryParse(cpr, out var number, out var cprError)) v.Add("cpr", cprError);
        var date = v.Date(handoverDate, "handover_date");
        v.Enum(benefitType, "benefit_type");
        v.Check(weeksSickListed is >= 0 and <= 520, "weeks_sick_listed", "must be between 0 and 520");
        var reference = v.Text(caseReference, "case_reference", 100);
        return before && v.IsValid ? new HandoverCandidate(number, date, (BenefitType)(int)benefitType, weeksSickListed, reference) : null;
    }

    public static string CaseReferenceTakenReason(HandoverDecision.CaseReferenceTaken taken) =>
        $"is already the case reference of citizen {taken.CitizenId} in this partnership; a case reference names one citizen";

    /// <summary>
    /// The events that announce citizens handed over together (one committed import batch, or a
    /// single handover as a batch of one): one per <see cref="CitizensHandedOver.MaxCitizens"/>
    /// citizens of a partnership, so a batch is one outbox row and one message to each consumer.
    /// </summary>
    public static IEnumerable<CitizensHandedOver> HandedOver(IEnumerable<Citizen> citizens) =>
        citizens.GroupBy(c => c.PartnershipId).SelectMany(partnership => partnership.Chunk(CitizensHandedOver.MaxCitizens)
            .Select(chunk => new CitizensHandedOver
            {
                PartnershipId = partnership.Key,
                Citizens = chunk.Select(c => new HandedOverCitizen
                {
                    CitizenId = new Pseudonym(c.CitizenId),
                    HandoverDate = c.HandoverDate.ToDateOnly(),
                    FollowUpStart = c.FollowUp.Start.ToDateOnly(),
                    FollowUpEnd = c.FollowUp.End.ToDateOnly(),
                }).ToList(),
            }));

    /// <summary>Stages the handed-over citizen and its event (a batch of one), to be saved together.</summary>
    public static void Stage(CohortDbContext db, Citizen citizen)
    {
        db.Citizens.Add(citizen);
        db.AddToOutbox(HandedOver([citizen]).Single(), citizen.HandedOverAt);
    }

    public static async Task<Citizen> FindCitizenAsync(CohortDbContext db, Guid partnershipId, string citizenId, CancellationToken cancellationToken) =>
        await db.Citizens.AsNoTracking().FirstOrDefaultAsync(c => c.PartnershipId == partnershipId && c.CitizenId == citizenId, cancellationToken)
        ?? throw DomainException.NotFound($"Citizen {citizenId} is not in partnership {partnershipId}.");
}
