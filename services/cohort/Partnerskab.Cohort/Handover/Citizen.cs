using NodaTime;

namespace Partnerskab.Cohort.Handover;

/// <summary>A citizen handed over to a partnership's provider, known by pseudonym only.</summary>
public sealed class Citizen
{
    public Guid PartnershipId { get; set; }
    public required string CitizenId { get; set; }
    public LocalDate HandoverDate { get; set; }
    public LocalDate FollowUpEnd { get; set; }
    public BenefitType BenefitType { get; set; }
    public int WeeksSickListed { get; set; }
    public required string CaseReference { get; set; }
    public Instant HandedOverAt { get; set; }

    public FollowUpWindow FollowUp => new(HandoverDate, FollowUpEnd);

    public bool SameHandoverAs(Citizen other) =>
        HandoverDate == other.HandoverDate && BenefitType == other.BenefitType
        && WeeksSickListed == other.WeeksSickListed && CaseReference == other.CaseReference;
}
