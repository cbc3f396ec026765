namespace Partnerskab.Contracts.Outcome;

/// <summary>The milestone engine found that a citizen reached a milestone of the partnership.</summary>
/// <remarks>
/// No longer published: milestones are announced by <see cref="MilestonesAchieved"/>, the
/// milestones of one transaction together. Its consumer stays so that events written or queued
/// before an upgrade are still handled (<see cref="MilestoneAchievedExtensions.AsBatch"/>).
/// </remarks>
public sealed record MilestoneAchieved
{
    public required Guid MilestoneId { get; init; }
    public required Guid PartnershipId { get; init; }
    public required Pseudonym CitizenId { get; init; }
    /// <summary>The code shared with the payment service's rate card.</summary>
    public required string MilestoneCode { get; init; }
    public required DateOnly AchievedOn { get; init; }
}

public static class MilestoneAchievedExtensions
{
    /// <summary>The same milestone as a batch of one, as the consumer of milestones takes it.</summary>
    public static MilestonesAchieved AsBatch(this MilestoneAchieved milestone) => new()
    {
        PartnershipId = milestone.PartnershipId,
        Milestones =
        [
            new AchievedMilestone
            {
                MilestoneId = milestone.MilestoneId, CitizenId = milestone.CitizenId,
                MilestoneCode = milestone.MilestoneCode, AchievedOn = milestone.AchievedOn,
            },
        ],
    };
}
