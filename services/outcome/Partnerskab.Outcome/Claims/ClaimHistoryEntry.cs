using NodaTime;

namespace Partnerskab.Outcome.Claims;

public enum ClaimAction
{
    Claimed = 1,
    Verified = 2,
    Rejected = 3,
    Corrected = 4,
    Revoked = 5,
}

/// <summary>
/// One step in a claim's life (who, when, why) with the claim's content as it stood after the
/// step. Entries are only ever added, so a corrected or revoked claim keeps what it was.
/// </summary>
public sealed class ClaimHistoryEntry
{
    public Guid Id { get; set; }
    public Guid ClaimId { get; set; }
    public ClaimAction Action { get; set; }
    public required string By { get; set; }
    public required string Reason { get; set; }
    public Instant At { get; set; }
    public LocalDate OutcomeDate { get; set; }
    public int HoursPerWeekHundredths { get; set; }
    public required string EmployerCvr { get; set; }
    public required string EvidenceReference { get; set; }
}
