using NodaTime;

namespace Partnerskab.Outcome.Milestones;

/// <summary>A milestone a citizen reached, with the verified claims it rests on.</summary>
public sealed class Milestone
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public required string CitizenId { get; set; }
    public required string Code { get; set; }
    public LocalDate AchievedOn { get; set; }
    public List<Guid> BasisClaimIds { get; set; } = [];
    public Instant RecordedAt { get; set; }
}
