using NodaTime;

namespace Partnerskab.Outcome.FollowUp;

/// <summary>A citizen whose part of the kept worklist and counts is to be recounted after the batch that changed its facts committed (<see cref="KeptReads.MarkAsync"/>).</summary>
public sealed class KeptRecount
{
    public Guid PartnershipId { get; set; }
    public string CitizenId { get; set; } = "";
    public FactsChanged Changed { get; set; }
    /// <summary>When the citizen was first marked since its last recount; the longest marked are recounted first.</summary>
    public Instant MarkedAt { get; set; }
}
