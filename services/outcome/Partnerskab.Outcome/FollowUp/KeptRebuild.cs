using NodaTime;

namespace Partnerskab.Outcome.FollowUp;

/// <summary>A partnership whose kept worklist and counts are to be built again from its facts (<see cref="KeptReads"/>); until then its reads are computed from them.</summary>
public sealed class KeptRebuild
{
    public Guid PartnershipId { get; set; }
    public Instant RequestedAt { get; set; }
}
