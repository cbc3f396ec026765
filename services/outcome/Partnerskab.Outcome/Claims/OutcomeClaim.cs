using NodaTime;

namespace Partnerskab.Outcome.Claims;

public enum OutcomeKind
{
    JobStart = 1,
    FlexJobStart = 2,
    EducationStart = 3,
    BackToOwnJob = 4,
    AvailableForWork = 5,
}

public enum ClaimStatus
{
    Claimed = 1,
    Verified = 2,
    Rejected = 3,
    Revoked = 4,
}

/// <summary>An outcome the provider claims for a citizen; it counts only once the kommune verifies it.</summary>
public sealed class OutcomeClaim
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public required string CitizenId { get; set; }
    /// <summary>The provider's reference, unique within the partnership; makes a retried claim safe.</summary>
    public required string ClaimReference { get; set; }
    public OutcomeKind Kind { get; set; }
    public LocalDate OutcomeDate { get; set; }
    /// <summary>Hours per week in hundredths, so 15.5 hours is 1550.</summary>
    public int HoursPerWeekHundredths { get; set; }
    public required string EmployerCvr { get; set; }
    public required string EvidenceReference { get; set; }
    public ClaimStatus Status { get; set; }
    public Instant ClaimedAt { get; set; }
    public Instant? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    /// <summary>Why the kommune last rejected, corrected or revoked the claim; every earlier decision is in its history.</summary>
    public string? DecisionReason { get; set; }

    public bool SameClaimAs(OutcomeClaim other) =>
        CitizenId == other.CitizenId && Kind == other.Kind && SameContentAs(other.Content);

    /// <summary>What the provider claims and the kommune may correct.</summary>
    public ClaimContent Content => new(OutcomeDate, HoursPerWeekHundredths, EmployerCvr, EvidenceReference);

    public bool SameContentAs(ClaimContent content) => Content == content;

    public void Apply(ClaimContent content)
    {
        OutcomeDate = content.OutcomeDate;
        HoursPerWeekHundredths = content.HoursPerWeekHundredths;
        EmployerCvr = content.EmployerCvr;
        EvidenceReference = content.EvidenceReference;
    }

    /// <summary>Records a decision on the claim and the history entry that keeps it.</summary>
    public ClaimHistoryEntry Decide(ClaimAction action, string by, string? reason, Instant at)
    {
        if (action != ClaimAction.Claimed)
        {
            DecidedAt = at;
            DecidedBy = by;
            DecisionReason = reason;
        }
        return new ClaimHistoryEntry
        {
            Id = Guid.CreateVersion7(),
            ClaimId = Id,
            Action = action,
            By = by,
            Reason = reason ?? "",
            At = at,
            OutcomeDate = OutcomeDate,
            HoursPerWeekHundredths = HoursPerWeekHundredths,
            EmployerCvr = EmployerCvr,
            EvidenceReference = EvidenceReference,
        };
    }
}

public sealed record ClaimContent(LocalDate OutcomeDate, int HoursPerWeekHundredths, string EmployerCvr, string EvidenceReference);
