using NodaTime;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Timeline;

namespace Partnerskab.Outcome.Checkpoints;

public enum CheckpointKind
{
    Contact = 1,
    Status = 2,
    CloseOut = 3,
}

public enum CheckpointState
{
    Met = 1,
    Upcoming = 2,
    Overdue = 3,
    Missed = 4,
}

public enum CloseOutReason
{
    WindowEnded = 1,
    Exited = 2,
}

/// <summary>
/// A citizen's checkpoints under a partnership's follow-up plan, judged on a day. Pure: the
/// same window, plan, contacts and reported weeks give the same schedule.
/// </summary>
/// <remarks>
/// Contact period k covers [start + (k-1)·interval, start + k·interval) and is met by a contact
/// dated inside it; only whole periods before the end of follow-up are scheduled, so a window
/// ending mid-period leaves that stub without a contact checkpoint. The status checkpoint at M
/// months is the ISO week of <see cref="FollowUpWindow.DayAtMonth"/>; when that is the window's
/// last week, it is the close-out's. Nothing falls due on or after an exit.
/// </remarks>
public static class FollowUpSchedule
{
    public sealed record Checkpoint(CheckpointKind Kind, LocalDate PeriodStart, LocalDate DueOn, int Months, CheckpointState State);

    public sealed record CloseOut(LocalDate ClosedOutOn, CloseOutReason Reason, WeeklyStatusKind? FinalStatus)
    {
        public bool FinalSelfSufficient => FinalStatus is { } status && WeeklyTimeline.IsSelfSufficient(status);
    }

    public sealed record Schedule(IReadOnlyList<Checkpoint> Checkpoints, LocalDate? LastContactOn, LocalDate SilentSince, int DaysWithoutContact, bool LeftWithoutContact, CloseOut? CloseOut)
    {
        /// <summary>In follow-up on the day judged: handed over by then and not closed out.</summary>
        public bool InFollowUp => CloseOut is null;
    }

    /// <summary>
    /// The schedule as of <paramref name="asOf"/>, which must be on or after the window's start.
    /// Contacts dated after it are ignored; <paramref name="reported"/> are the citizen's decided weekly statuses.
    /// </summary>
    public static Schedule Build(FollowUpPlan plan, FollowUpWindow window, LocalDate asOf, IEnumerable<LocalDate> contactDates, DecidedWeeks reported)
    {
        var end = window.ObligationsEnd;
        var contacts = contactDates.Where(d => d >= window.Start && d < end && d <= asOf).Order().ToList();
        CloseOut? closeOut = asOf >= end
            ? new CloseOut(end, end < window.End ? CloseOutReason.Exited : CloseOutReason.WindowEnded, reported.StatusOn(end.PlusDays(-1)))
            : null;

        var checkpoints = new List<Checkpoint>();
        var interval = Period.FromWeeks(plan.ContactIntervalWeeks);
        for (var periodStart = window.Start; periodStart + interval <= end; periodStart += interval)
        {
            var dueOn = (periodStart + interval).PlusDays(-1);
            var met = contacts.Any(d => d >= periodStart && d <= dueOn);
            var state = met ? CheckpointState.Met
                : asOf <= dueOn ? CheckpointState.Upcoming
                : closeOut is null ? CheckpointState.Overdue
                : CheckpointState.Missed;
            checkpoints.Add(new Checkpoint(CheckpointKind.Contact, periodStart, dueOn, 0, state));
        }

        var closeOutWeek = WeeklyTimeline.WeekOf(window.End.PlusDays(-1));
        foreach (var months in plan.StatusCheckpointMonths.Distinct().Order())
        {
            if (window.DayAtMonth(months) is not { } day || day >= end) break;
            var weekStart = WeeklyTimeline.WeekOf(day);
            if (weekStart == closeOutWeek && end == window.End) break;
            checkpoints.Add(StatusCheckpoint(CheckpointKind.Status, weekStart, months, asOf, reported));
        }
        if (end == window.End) checkpoints.Add(StatusCheckpoint(CheckpointKind.CloseOut, closeOutWeek, 0, asOf, reported));

        var lastContact = contacts.Count > 0 ? contacts[^1] : (LocalDate?)null;
        var silentSince = lastContact ?? window.Start;
        var daysWithoutContact = Period.DaysBetween(silentSince, asOf < end ? asOf : end);
        return new Schedule(
            checkpoints.OrderBy(c => c.DueOn).ThenBy(c => c.Kind).ToList(),
            lastContact,
            silentSince,
            daysWithoutContact,
            closeOut is null && daysWithoutContact > plan.NoContactDays,
            closeOut);
    }

    private static Checkpoint StatusCheckpoint(CheckpointKind kind, LocalDate weekStart, int months, LocalDate asOf, DecidedWeeks reported)
    {
        var dueOn = weekStart.PlusDays(6);
        var state = reported.StatusIn(weekStart) is not null ? CheckpointState.Met : asOf <= dueOn ? CheckpointState.Upcoming : CheckpointState.Overdue;
        return new Checkpoint(kind, weekStart, dueOn, months, state);
    }
}
