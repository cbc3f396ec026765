using NodaTime;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Timeline;

namespace Partnerskab.Outcome.Checkpoints;

/// <summary>
/// The worklist kept as facts change: per citizen, every item it can be on a worklist with, and
/// the days between which it is (due day, exclusive; until, exclusive), so a page is a range of
/// an index in the worklist's own order. Pure: the same plan, window, contacts and decided
/// weeks give the same rows.
/// </summary>
/// <remarks>
/// A checkpoint's being met does not depend on the day judged once it is overdue (a contact
/// inside a period that has ended is dated before the day; a reported week is reported), so an
/// unmet checkpoint is an item on every day after its due day; an unmet contact checkpoint
/// only until the citizen is closed out, when it is missed. The last contact is the one that
/// counts on every day from its date on, which is every day a worklist is read from these rows
/// (<see cref="GetWorklistHandler"/>).
/// </remarks>
public static class KeptWorklist
{
    /// <summary>An item on the worklist of every day after <paramref name="DueOn"/> and before <paramref name="Until"/> (null: no end).</summary>
    public sealed record Row(WorklistItemKind Kind, LocalDate DueOn, int Months, LocalDate? Until);

    /// <summary>What every item of a citizen shows.</summary>
    public sealed record Citizen(LocalDate Start, LocalDate ObligationsEnd, LocalDate? LastContactOn)
    {
        /// <summary>The citizen's item as shown on the worklist of a day.</summary>
        public Worklist.Item Item(string citizenId, Row row, LocalDate asOf)
        {
            var silentSince = LastContactOn ?? Start;
            return new Worklist.Item(row.Kind, citizenId, row.DueOn, row.Months, LastContactOn,
                Period.DaysBetween(silentSince, asOf < ObligationsEnd ? asOf : ObligationsEnd));
        }
    }

    public sealed record Kept(Citizen Citizen, IReadOnlyList<Row> Rows);

    /// <summary>The citizen's kept worklist; null for a citizen exited as wrongly enrolled, who is on no worklist.</summary>
    public static Kept? Of(FollowUpPlan plan, FollowUpWindow window, bool wronglyEnrolled, IEnumerable<LocalDate> contactDates, DecidedWeeks weeks)
    {
        if (wronglyEnrolled) return null;
        var end = window.ObligationsEnd;
        // Judged after every day there is: each unmet checkpoint is in it, and the last contact is the last of all.
        var schedule = FollowUpSchedule.Build(plan, window, LocalDate.MaxIsoValue, contactDates, weeks);
        var rows = schedule.Checkpoints.Where(c => c.State != CheckpointState.Met).Select(c => c.Kind switch
        {
            CheckpointKind.Contact => new Row(WorklistItemKind.ContactOverdue, c.DueOn, c.Months, end),
            CheckpointKind.Status => new Row(WorklistItemKind.StatusOverdue, c.DueOn, c.Months, null),
            _ => new Row(WorklistItemKind.CloseOutOverdue, c.DueOn, c.Months, null),
        }).Append(new Row(WorklistItemKind.NoRecentContact, schedule.SilentSince.PlusDays(plan.NoContactDays), 0, end));
        return new Kept(
            new Citizen(window.Start, end, schedule.LastContactOn),
            rows.Where(r => r.Until is not { } until || r.DueOn.PlusDays(1) < until).ToList());
    }
}
