using NodaTime;

namespace Partnerskab.Outcome.FollowUp;

/// <summary>
/// Citizens whose part of the kept worklist and counts is to be recounted after the batch that
/// changed their facts committed (<see cref="KeptReads.MarkAsync"/>): one row per batch, not per
/// citizen, so a batch of a thousand citizens writes one row and one index entry.
/// </summary>
public sealed class KeptRecount
{
    /// <summary>In the order the marks were made; the oldest are recounted first.</summary>
    public long Id { get; set; }
    public Guid PartnershipId { get; set; }
    public string[] CitizenIds { get; set; } = [];
    /// <summary>How many <see cref="CitizenIds"/> there are, read without the array.</summary>
    public int Citizens { get; set; }
    public FactsChanged Changed { get; set; }
    public Instant MarkedAt { get; set; }
}
