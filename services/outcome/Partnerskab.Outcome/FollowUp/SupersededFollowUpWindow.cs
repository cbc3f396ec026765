using NodaTime;

namespace Partnerskab.Outcome.FollowUp;

/// <summary>
/// A citizen's follow-up window as it stood before a corrected handover date moved it, with when
/// it became current and when it stopped being so, so a report as known on a past day uses the
/// window known then.
/// </summary>
public sealed class SupersededFollowUpWindow
{
    public Guid PartnershipId { get; init; }
    public required string CitizenId { get; init; }
    public LocalDate FollowUpStart { get; init; }
    public LocalDate FollowUpEnd { get; init; }
    /// <summary>When this window became known; null for a handover known before the suite kept the moment.</summary>
    public Instant? RecordedAt { get; init; }
    public Instant SupersededAt { get; init; }

    /// <summary>The window known just before the moment (a move recorded at it is not yet known), from the current one and those it replaced, in any order.</summary>
    public static (LocalDate Start, LocalDate End) CurrentAt(Instant moment, FollowUpCitizen citizen, IEnumerable<SupersededFollowUpWindow> replaced) =>
        replaced.Where(w => w.SupersededAt >= moment).MinBy(w => w.SupersededAt) is { } then
            ? (then.FollowUpStart, then.FollowUpEnd)
            : (citizen.FollowUpStart, citizen.FollowUpEnd);
}
