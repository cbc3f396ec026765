namespace Partnerskab.Contracts.Outcome;

/// <summary>The milestone engine found that a citizen reached a milestone of the partnership.</summary>
public sealed record MilestoneAchieved
{
    public required Guid MilestoneId { get; init; }
    public required Guid PartnershipId { get; init; }
    public required Pseudonym CitizenId { get; init; }
    /// <summary>The code shared with the payment service's rate card.</summary>
    public required string MilestoneCode { get; init; }
    public required DateOnly AchievedOn { get; init; }
}
