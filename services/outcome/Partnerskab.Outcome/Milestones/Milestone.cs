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
    /// <summary>The day the corrected facts say the milestone stopped being true: the day the fact that took it away is about.</summary>
    public LocalDate? EffectiveOn { get; set; }
    /// <summary>The kind of fact that took it away (<see cref="FactChange"/>'s kinds).</summary>
    public string? CauseKind { get; set; }
    /// <summary>Which fact: a claim's id, a status week, an exit date, the definitions' version.</summary>
    public string? CauseReference { get; set; }
    /// <summary>Who reported the fact, as the audit trail names the caller.</summary>
    public string? CauseReportedBy { get; set; }

    public bool Revoked => RevokedAt is not null;

    /// <summary>
    /// Takes the milestone away at the moment the fact was learnt, dated on Copenhagen's day of it
    /// (the kommune's calendar, as payment's periods are), and effective on the day the fact is about.
    /// </summary>
    public void Revoke(Instant at, string reason, FactChange cause)
    {
        var fact = cause.About(this);
        RevokedAt = at;
        RevokedOn = at.DayInCopenhagen();
        RevocationReason = reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength];
        EffectiveOn = fact.EffectiveOn;
        CauseKind = cause.Kind;
        CauseReference = fact.Reference.Length <= MaxReferenceLength ? fact.Reference : fact.Reference[..MaxReferenceLength];
        CauseReportedBy = cause.ReportedBy.Length <= MaxReporterLength ? cause.ReportedBy : cause.ReportedBy[..MaxReporterLength];
    }

    /// <summary>Whether the milestone stood as known at the moment: recorded by then and not yet revoked.</summary>
    public bool StoodAt(Instant knownAt) => RecordedAt <= knownAt && (RevokedAt is null || RevokedAt > knownAt);

    public const int MaxReasonLength = 1000;
    public const int MaxReferenceLength = 100;
    public const int MaxReporterLength = 300;
}
