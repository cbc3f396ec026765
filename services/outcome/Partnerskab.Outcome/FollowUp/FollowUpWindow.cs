using NodaTime;
using Partnerskab.Outcome.Timeline;

namespace Partnerskab.Outcome.FollowUp;

/// <summary>
/// A citizen's follow-up: [Start, End) from the handover, ended early by an exit, if any (the
/// exit's day is not itself in follow-up). The one place the window's days are worked out: what
/// counts and the day whose status counts at month M (its ISO week is the status's).
/// </summary>
public sealed record FollowUpWindow(LocalDate Start, LocalDate End, LocalDate? ExitDate = null)
{
    /// <summary>The first day without obligations: the window's end, or the exit if earlier.</summary>
    public LocalDate ObligationsEnd => ExitDate is { } exit && exit < End ? exit : End;

    /// <summary>The citizen left before the window's end.</summary>
    public bool EndedByExit => ObligationsEnd < End;

    /// <summary>The day is in follow-up: on or after the start and before the end or an earlier exit.</summary>
    public bool Contains(LocalDate date) => date >= Start && date < ObligationsEnd;

    /// <summary>A week (its Monday) counts when any of its seven days is in follow-up, so the first and last weeks may be half inside.</summary>
    public bool HasWeek(LocalDate weekStart) => WeeklyTimeline.WeekInWindow(weekStart, Start, ObligationsEnd);

    /// <summary>
    /// The day whose status counts at <paramref name="months"/> months: start + M calendar months
    /// (a day the end month lacks is its last day), or the window's last day when that is the
    /// window's (exclusive) end; null when it falls after the end.
    /// </summary>
    public LocalDate? DayAtMonth(int months)
    {
        var day = Start.PlusMonths(months);
        if (day > End) return null;
        return day == End ? day.PlusDays(-1) : day;
    }

    /// <summary>Why a date is outside this window, for a rejection the sender can act on.</summary>
    public string OutsideReason(string what, string? exitReason) => EndedByExit
        ? $"{what} is outside the citizen's follow-up {Start:uuuu-MM-dd} to the exit on {ObligationsEnd:uuuu-MM-dd} (exclusive; reason {exitReason})"
        : $"{what} is outside the citizen's follow-up window {Start:uuuu-MM-dd} to {End:uuuu-MM-dd} (end exclusive)";
}
