namespace Partnerskab.Contracts.Cohort;

/// <summary>
/// The citizen's retention period has passed: the cohort service has erased the citizen's
/// personal fields, and every service that keeps citizen-level data beyond what its aggregate
/// figures and financial records need erases it too. The pseudonym stays as the key of those
/// figures and records.
/// </summary>
public sealed record CitizenDataErased
{
    public required Guid PartnershipId { get; init; }
    public required Pseudonym CitizenId { get; init; }
    public required DateOnly ErasedOn { get; init; }
}
