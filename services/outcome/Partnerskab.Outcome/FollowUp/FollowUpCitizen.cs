using NodaTime;

namespace Partnerskab.Outcome.FollowUp;

/// <summary>
/// What this service knows of a handed-over citizen: the follow-up window [FollowUpStart,
/// FollowUpEnd). Filled from the cohort service's CitizenHandedOver events, or from asking the
/// cohort service when the event has not arrived yet.
/// </summary>
public sealed class FollowUpCitizen
{
    public Guid PartnershipId { get; set; }
    public required string CitizenId { get; set; }
    public LocalDate FollowUpStart { get; set; }
    public LocalDate FollowUpEnd { get; set; }

    public bool InFollowUp(LocalDate date) => date >= FollowUpStart && date < FollowUpEnd;
}
