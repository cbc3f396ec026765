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
    public required DateOnly RevokedOn { get; init; }
    public required string Reason { get; init; }
}
