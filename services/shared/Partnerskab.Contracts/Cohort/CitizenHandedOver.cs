namespace Partnerskab.Contracts.Cohort;

/// <summary>
/// A citizen was handed over to the provider and the follow-up window
/// [FollowUpStart, FollowUpEnd) opened. CitizenId is the keyed pseudonym, never the CPR number.
/// </summary>
public sealed record CitizenHandedOver
{
    public required Guid PartnershipId { get; init; }
    public required Pseudonym CitizenId { get; init; }
    public required DateOnly HandoverDate { get; init; }
    public required DateOnly FollowUpStart { get; init; }
    public required DateOnly FollowUpEnd { get; init; }
}
