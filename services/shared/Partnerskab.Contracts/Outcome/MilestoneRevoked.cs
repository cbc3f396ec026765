namespace Partnerskab.Contracts.Outcome;

/// <summary>
/// New facts (a revoked claim, a later register week, an exit as wrongly enrolled) took away a
/// milestone that was reached; payment credits it if it was paid.
/// </summary>
public sealed record MilestoneRevoked
{
    public required Guid MilestoneId { get; init; }
    public required Guid PartnershipId { get; init; }
    public required Pseudonym CitizenId { get; init; }
    public required string MilestoneCode { get; init; }
    /// <summary>The day the suite learnt it (recorded), in Copenhagen's calendar.</summary>
    public required DateOnly RevokedOn { get; init; }
    public required string Reason { get; init; }
    /// <summary>
    /// The day the corrected facts say the milestone stopped being true (the status week, outcome
    /// or exit date the correcting fact is about); absent from senders that predate it, which
    /// readers take as <see cref="RevokedOn"/>.
    /// </summary>
    public DateOnly? EffectiveOn { get; init; }
    /// <summary>The fact that took the milestone away; absent from senders that predate it.</summary>
    public RevocationCause? Cause { get; init; }
}

/// <summary>Which fact caused a revocation, who reported it and when the suite learnt it.</summary>
public sealed record RevocationCause
{
    /// <summary>What kind of fact: "claim", "status-week", "exit", "handover" or "definitions".</summary>
    public required string Kind { get; init; }
    /// <summary>Which one: the claim's id, the status week ("2024-W12"), the exit or handover date, the definitions' version.</summary>
    public required string Reference { get; init; }
    /// <summary>Who reported it: the caller's subject and role as the audit trail names them.</summary>
    public required string ReportedBy { get; init; }
    /// <summary>When the suite recorded the fact.</summary>
    public required DateTimeOffset KnownAt { get; init; }
}
