using NodaTime;

namespace Partnerskab.Outcome.Timeline;

/// <summary>What a source reported for a citizen in one ISO week, and when the suite recorded it.</summary>
public abstract class StatusReportRow
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

/// <summary>One source's current status for a citizen in one ISO week; a later report from the same source replaces it, and the replaced one is kept (<see cref="SupersededStatusReport"/>).</summary>
public sealed class WeeklyStatusReport : StatusReportRow
{
    /// <summary>This report as it stood, kept when a later report replaces it at <paramref name="at"/>.</summary>
    public SupersededStatusReport SupersededAt(Instant at) => new()
    {
        PartnershipId = PartnershipId,
        CitizenId = CitizenId,
        WeekStart = WeekStart,
        Source = Source,
        Status = Status,
        PaidHoursHundredths = PaidHoursHundredths,
        RecordedAt = RecordedAt,
        SupersededAt = at,
    };
}

/// <summary>
/// A weekly status report a later report of the same source replaced: current from its
/// recorded moment until <see cref="SupersededAt"/>. Rows are only ever added, so the statuses
/// the suite knew at any moment can be read again.
/// </summary>
public sealed class SupersededStatusReport : StatusReportRow
{
    public Instant SupersededAt { get; set; }

    /// <summary>Whether this version was the current one at the moment.</summary>
    public bool CurrentAt(Instant knownAt) => RecordedAt <= knownAt && knownAt < SupersededAt;
}
