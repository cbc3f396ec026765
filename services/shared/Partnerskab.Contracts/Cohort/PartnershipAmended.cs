namespace Partnerskab.Contracts.Cohort;

/// <summary>A partnership agreement was amended; Version counts from 1 (the registration).</summary>
public sealed record PartnershipAmended
{
    public required Guid PartnershipId { get; init; }
    public required int Version { get; init; }
    public required string Name { get; init; }
    public required string KommuneName { get; init; }
    public required string KommuneCvr { get; init; }
    public required string KommuneEan { get; init; }
    public required string ProviderName { get; init; }
    public required string ProviderCvr { get; init; }
    public required DateOnly ContractStart { get; init; }
    public required DateOnly ContractEnd { get; init; }
    public required int CohortCapacity { get; init; }
    public required int FollowUpMonths { get; init; }
}
