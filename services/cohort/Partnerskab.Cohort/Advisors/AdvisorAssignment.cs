using NodaTime;

namespace Partnerskab.Cohort.Advisors;

/// <summary>One assignment of a job advisor to a citizen; reassignments add rows, so the history stays.</summary>
public sealed class AdvisorAssignment
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public required string CitizenId { get; set; }
    public required string AdvisorId { get; set; }
    public LocalDate AssignedOn { get; set; }
    public Instant RecordedAt { get; set; }
}
