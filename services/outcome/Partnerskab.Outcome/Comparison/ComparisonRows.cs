using NodaTime;
using Partnerskab.Outcome.Timeline;

namespace Partnerskab.Outcome.Comparison;

/// <summary>
/// A comparison citizen's registration as the kommune sent it: of the partnership's target group,
/// not handed over, in it from <see cref="TargetGroupStart"/>. Rows are only ever added (a new
/// day is a new row), so the group as known on any day can be read again; the latest row stands.
/// </summary>
public sealed class ComparisonRegistration
{
    public long Id { get; set; }
    public Guid PartnershipId { get; set; }
    public required string CitizenId { get; set; }
    public LocalDate TargetGroupStart { get; set; }
    public Instant RecordedAt { get; set; }
}

/// <summary>
/// The register's status of a comparison citizen in one ISO week. Rows are only ever added (a
/// changed status is a new row); the latest row of a week stands.
/// </summary>
public sealed class ComparisonStatusReport
{
    public long Id { get; set; }
    public Guid PartnershipId { get; set; }
    public required string CitizenId { get; set; }
    /// <summary>The Monday of the ISO week.</summary>
    public LocalDate WeekStart { get; set; }
    public WeeklyStatusKind Status { get; set; }
    public int PaidHoursHundredths { get; set; }
    public Instant RecordedAt { get; set; }
}
