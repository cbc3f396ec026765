using NodaTime;

namespace Partnerskab.Outcome.Timeline;

/// <summary>One source's status for a citizen in one ISO week; a later report from the same source replaces it.</summary>
public sealed class WeeklyStatusReport
{
    public Guid PartnershipId { get; set; }
    public required string CitizenId { get; set; }
    /// <summary>The Monday of the ISO week.</summary>
    public LocalDate WeekStart { get; set; }
    public StatusSource Source { get; set; }
    public WeeklyStatusKind Status { get; set; }
    public int PaidHoursHundredths { get; set; }
    public Instant RecordedAt { get; set; }

    public WeeklyTimeline.Report ToReport() => new(WeekStart, Source, Status, PaidHoursHundredths);
}
