using NodaTime;
using Partnerskab.Outcome.Checkpoints;

namespace Partnerskab.Outcome.Timeline;

/// <summary>
/// A citizen's decided weekly statuses in compact form: one byte per ISO week from the week
/// containing the follow-up's start (the status's number, 0 where no source reported the
/// week). Status ingestion keeps it on the citizen's row in the same transaction as the
/// reports, so the reads over a whole partnership (committee report, worklist) look up a week
/// without reading every report.
/// </summary>
public readonly struct DecidedWeeks
{
    private readonly LocalDate firstWeek;
    private readonly byte[] statuses;

    public DecidedWeeks(LocalDate followUpStart, byte[] statuses)
    {
        firstWeek = FollowUpSchedule.WeekStart(followUpStart);
        this.statuses = statuses;
    }

    /// <summary>The decided weeks of a timeline; weeks before the follow-up's first week are not kept (nothing reads them).</summary>
    public static DecidedWeeks Of(LocalDate followUpStart, IEnumerable<WeeklyTimeline.Week> weeks) => new(followUpStart, Encode(followUpStart, weeks));

    public static byte[] Encode(LocalDate followUpStart, IEnumerable<WeeklyTimeline.Week> weeks)
    {
        var firstWeek = FollowUpSchedule.WeekStart(followUpStart);
        var kept = weeks.Select(w => (Index: Period.DaysBetween(firstWeek, w.WeekStart) / 7, w.Status)).Where(w => w.Index >= 0).ToList();
        var statuses = new byte[kept.Count == 0 ? 0 : kept.Max(w => w.Index) + 1];
        foreach (var (index, status) in kept) statuses[index] = (byte)status;
        return statuses;
    }

    /// <summary>The decided status of the ISO week starting on <paramref name="weekStart"/> (a Monday), or null when no source reported it.</summary>
    public WeeklyStatusKind? StatusIn(LocalDate weekStart)
    {
        var index = Period.DaysBetween(firstWeek, weekStart) / 7;
        return statuses is not null && index >= 0 && index < statuses.Length && statuses[index] != 0 ? (WeeklyStatusKind)statuses[index] : null;
    }

    /// <summary>The decided status of the ISO week containing the day.</summary>
    public WeeklyStatusKind? StatusOn(LocalDate day) => StatusIn(FollowUpSchedule.WeekStart(day));
}
