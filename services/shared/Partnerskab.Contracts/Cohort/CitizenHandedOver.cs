namespace Partnerskab.Contracts.Cohort;

/// <summary>
/// A citizen was handed over to the provider and the follow-up window
/// [FollowUpStart, FollowUpEnd) opened. CitizenId is the keyed pseudonym, never the CPR number.
/// </summary>
/// <remarks>
/// No longer published: handovers are announced by <see cref="CitizensHandedOver"/>, a single
/// handover as a batch of one. Its consumers stay so that events written or queued before an
/// upgrade are still handled (<see cref="CitizenHandedOverExtensions.AsBatch"/>).
/// </remarks>
public sealed record CitizenHandedOver
{
    public required Guid PartnershipId { get; init; }
    public required Pseudonym CitizenId { get; init; }
    public required DateOnly HandoverDate { get; init; }
    public required DateOnly FollowUpStart { get; init; }
    public required DateOnly FollowUpEnd { get; init; }
}

public static class CitizenHandedOverExtensions
{
    /// <summary>The same handover as a batch of one, as the consumers of handovers take it.</summary>
    public static CitizensHandedOver AsBatch(this CitizenHandedOver handover) => new()
    {
        PartnershipId = handover.PartnershipId,
        Citizens =
        [
            new HandedOverCitizen
            {
                CitizenId = handover.CitizenId, HandoverDate = handover.HandoverDate,
                FollowUpStart = handover.FollowUpStart, FollowUpEnd = handover.FollowUpEnd,
            },
        ],
    };
}
