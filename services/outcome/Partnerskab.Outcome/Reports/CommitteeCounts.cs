using NodaTime;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Timeline;

namespace Partnerskab.Outcome.Reports;

/// <summary>
/// The committee report's counts kept as facts change, the way the cost report reads day
/// totals: what one citizen adds to them (<see cref="Of"/>), and the report's counts on a day
/// from their sums (<see cref="Counts"/>). Pure. A citizen's part is taken away as it was and
/// added as it is whenever its window or decided weeks change, so the sums are those of the
/// citizens as they stand, whatever order the facts came in.
/// </summary>
/// <remarks>
/// Every count of the report is a count of citizens on a day: a month's on the day it is counted
/// on, a checkpoint's on the day at M months, a final status's from the close-out on. So each
/// citizen adds to a few cells keyed by days: started and closed out on a day; in follow-up with
/// a status on the days of a week, from the week's Monday (or a later start) until its next
/// Monday (or an earlier end); at M months on a day with a status, or exited before it; closed
/// out on a day with a final status. A day's count is then a sum over cells whose days hold it,
/// never over citizens.
/// </remarks>
public static class CommitteeCounts
{
    /// <summary>The kept code of a week no source reported.</summary>
    public const short NotReported = 0;

    /// <summary>The kept code, at M months, of a citizen whose follow-up ended before that day.</summary>
    public const short ExitedBefore = -1;

    public readonly record struct DayCell(LocalDate Day, int Started, int Completed, int Exited);

    /// <summary>In follow-up with the status on the days [From, Until) of the week starting on WeekStart.</summary>
    public readonly record struct WeekCell(LocalDate WeekStart, short Status, LocalDate From, LocalDate Until);

    public readonly record struct AtMonthCell(int Months, LocalDate Day, short Status);

    public readonly record struct FinalCell(LocalDate Day, short Status);

    public sealed record Part(IReadOnlyList<DayCell> Days, IReadOnlyList<WeekCell> Weeks, IReadOnlyList<AtMonthCell> AtMonths, IReadOnlyList<FinalCell> Finals)
    {
        public static readonly Part None = new([], [], [], []);
    }

    /// <summary>What a citizen adds to the counts; nothing for a citizen exited as wrongly enrolled, who is in no report.</summary>
    public static Part Of(FollowUpWindow window, DecidedWeeks weeks, bool wronglyEnrolled)
    {
        if (wronglyEnrolled) return Part.None;
        var (start, end) = (window.Start, window.ObligationsEnd);
        var closedOutFrom = end > start ? end : start;
        DayCell[] days =
        [
            new(start, 1, 0, 0),
            new(closedOutFrom, 0, window.EndedByExit ? 0 : 1, window.EndedByExit ? 1 : 0),
        ];
        var weekCells = weeks.Reported()
            .Select(w => new WeekCell(w.WeekStart, (short)w.Status, w.WeekStart > start ? w.WeekStart : start,
                w.WeekStart.PlusDays(7) < end ? w.WeekStart.PlusDays(7) : end))
            .Where(c => c.From < c.Until)
            .ToList();
        var atMonths = CommitteeReport.SelfSufficiencyMonths
            .Select(m => (Months: m, Day: window.DayAtMonth(m)))
            .Where(m => m.Day is not null)
            .Select(m => new AtMonthCell(m.Months, m.Day!.Value, m.Day >= end ? ExitedBefore : Code(weeks.StatusOn(m.Day.Value))))
            .ToList();
        return new Part(days, weekCells, atMonths, [new FinalCell(closedOutFrom, Code(weeks.StatusOn(end.PlusDays(-1))))]);
    }

    public static short Code(WeeklyStatusKind? status) => status is { } s ? (short)s : NotReported;

    /// <summary>The sums the counts on a day are read from.</summary>
    /// <param name="Started">Citizens handed over on or before the day.</param>
    /// <param name="Months">Per month counted (<see cref="CountedOn"/>): citizens started, completed and exited by its day, and in follow-up on it by status.</param>
    /// <param name="AtMonths">Per M months and kept code: citizens whose day at M months is on or before the day.</param>
    /// <param name="Finals">Per kept code: citizens closed out on or before the day.</param>
    public sealed record Sums(
        int Started,
        IReadOnlyList<MonthSums> Months,
        IReadOnlyDictionary<(int Months, short Status), int> AtMonths,
        IReadOnlyDictionary<short, int> Finals);

    public sealed record MonthSums(LocalDate CountedOn, int Started, int Completed, int Exited, IReadOnlyDictionary<short, int> ByStatus);

    /// <summary>The days the months from the first handover's to the day's are counted on: each month's last day, the day itself for its own month.</summary>
    public static IReadOnlyList<LocalDate> CountedOn(LocalDate firstStart, LocalDate asOf)
    {
        var days = new List<LocalDate>();
        for (var month = new YearMonth(firstStart.Year, firstStart.Month); month <= new YearMonth(asOf.Year, asOf.Month); month = month.PlusMonths(1))
        {
            var lastDay = month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));
            days.Add(lastDay < asOf ? lastDay : asOf);
        }
        return days;
    }

    /// <summary>The report's counts on the day from the kept sums.</summary>
    public static CommitteeReport.Counts Counts(Sums sums)
    {
        var months = sums.Months.Select(m =>
        {
            var inFollowUp = m.Started - m.Completed - m.Exited;
            var reported = CommitteeReport.StatusOrder.Where(s => s is not null).Select(s => (Status: s, Citizens: m.ByStatus.GetValueOrDefault(Code(s)))).ToList();
            var counts = reported.Prepend((Status: (WeeklyStatusKind?)null, Citizens: inFollowUp - reported.Sum(r => r.Citizens)))
                .Select(c => new CommitteeReport.StatusCount(c.Status, c.Citizens)).ToList();
            return new CommitteeReport.Month(new YearMonth(m.CountedOn.Year, m.CountedOn.Month), m.CountedOn, inFollowUp, m.Completed, m.Exited, counts,
                reported.Where(r => WeeklyTimeline.IsSelfSufficient(r.Status!.Value)).Sum(r => r.Citizens));
        }).ToList();
        var atMonths = CommitteeReport.SelfSufficiencyMonths.Select(m =>
        {
            var cells = sums.AtMonths.Where(c => c.Key.Months == m).ToList();
            var exitedBefore = cells.Where(c => c.Key.Status == ExitedBefore).Sum(c => c.Value);
            var reached = cells.Sum(c => c.Value) - exitedBefore;
            var selfSufficient = cells.Where(c => c.Key.Status > NotReported && WeeklyTimeline.IsSelfSufficient((WeeklyStatusKind)c.Key.Status)).Sum(c => c.Value);
            return new CommitteeReport.AtMonth(m, reached, selfSufficient, sums.AtMonths.GetValueOrDefault((m, NotReported)), exitedBefore);
        }).ToList();
        var finals = CommitteeReport.StatusOrder.Select(s => new CommitteeReport.StatusCount(s, sums.Finals.GetValueOrDefault(Code(s)))).ToList();
        return new CommitteeReport.Counts(sums.Started, months, atMonths, finals);
    }
}
