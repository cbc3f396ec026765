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
    /// <summary>Why the kommune rejected the claim.</summary>
    public string? DecisionReason { get; set; }

    public bool SameClaimAs(OutcomeClaim other) =>
        CitizenId == other.CitizenId && Kind == other.Kind && OutcomeDate == other.OutcomeDate
        && HoursPerWeekHundredths == other.HoursPerWeekHundredths && EmployerCvr == other.EmployerCvr
        && EvidenceReference == other.EvidenceReference;
}
