using NodaTime;

namespace Partnerskab.Outcome.FollowUp;

/// <summary>
/// A batch's citizens whose part of the kept worklist and counts is to be recounted after the batch that changed their facts
/// committed (<see cref="KeptReads.MarkAsync"/>). Marks are numbered in the order they were made.
/// </summary>
public sealed class KeptRecount
{
    public long Id { get; set; }
    public Guid PartnershipId { get; set; }
    public string[] CitizenIds { get; set; } = [];
    public FactsChanged Changed { get; set; }
    public Instant MarkedAt { get; set; }
}
