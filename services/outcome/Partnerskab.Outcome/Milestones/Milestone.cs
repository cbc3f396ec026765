using NodaTime;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Outcome.Milestones;

/// <summary>
/// A milestone a citizen reached, with the verified claims and self-sufficient weeks it rests
/// on. A revoked milestone stays, with the day and the reason it was taken away; if the
/// citizen reaches the milestone again later, that is a new milestone.
/// </summary>
public sealed class Milestone
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public required string CitizenId { get; set; }
    public required string Code { get; set; }
    public LocalDate AchievedOn { get; set; }
    public List<Guid> BasisClaimIds { get; set; } = [];
    /// <summary>The Mondays of the weeks the milestone rests on.</summary>
    public List<LocalDate> BasisWeekStarts { get; set; } = [];
    public Instant RecordedAt { get; set; }
    public LocalDate? RevokedOn { get; set; }
    public Instant? RevokedAt { get; set; }
    public string? RevocationReason { get; set; }

    public bool Revoked => RevokedAt is not null;

    /// <summary>Takes the milestone away at the moment, dated on Copenhagen's day of it (the kommune's calendar, as payment's periods are).</summary>
    public void Revoke(Instant at, string reason)
    {
        RevokedAt = at;
        RevokedOn = at.DayInCopenhagen();
        RevocationReason = reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength];
    }

    private const int MaxReasonLength = 1000;
}
