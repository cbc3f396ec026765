namespace Partnerskab.Contracts.Outcome;

/// <summary>
/// The milestone engine found, in one transaction, that citizens of a partnership reached
/// milestones: the milestones a batch of weekly statuses reached, or the one a verified claim did.
/// One event for the transaction instead of one per milestone: its consumers take it as one
/// message, with one inbox row and one transaction, and apply the per-milestone rules to each.
/// </summary>
public sealed record MilestonesAchieved
{
    /// <summary>
    /// The most milestones one event carries (a status batch's rows): about 190 bytes of JSON
    /// each, so an event stays under 200 KB, far below RabbitMQ's message size limit, and a
    /// consumer's transaction holds at most this many causes' locks.
    /// </summary>
    public const int MaxMilestones = 1000;

    public required Guid PartnershipId { get; init; }

    /// <summary>Each milestone once, at most <see cref="MaxMilestones"/>.</summary>
    public required IReadOnlyList<AchievedMilestone> Milestones { get; init; }
}

/// <summary>One milestone of <see cref="MilestonesAchieved"/>. CitizenId is the keyed pseudonym, never the CPR number.</summary>
public sealed record AchievedMilestone
{
    public required Guid MilestoneId { get; init; }
    public required Pseudonym CitizenId { get; init; }
    /// <summary>The code shared with the payment service's rate card.</summary>
    public required string MilestoneCode { get; init; }
    public required DateOnly AchievedOn { get; init; }
}
