using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Outcome.Timeline;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Outcome.Reports;

/// <summary>
/// Writes the committee report's kept counts (<see cref="CommitteeCounts"/>): each citizen's part
/// as last counted is taken away and its part as it stands added, and what was counted kept
/// beside; called by <see cref="KeptReads"/> alone. Cells are changed in key order, so writers of
/// one partnership wait for each other instead of deadlocking.
/// </summary>
public static class CommitteeCountsStore
{
    /// <param name="rebuilding">The partnership's counts were deleted first: nothing was counted.</param>
    /// <param name="marks">
    /// The marks a recount took for the citizens, if it is one: a citizen counted since the latest of them was made is left out,
    /// as every change of its facts since that count came with a later mark or was counted by its writer.
    /// </param>
    public static async Task WriteAsync(OutcomeDbContext db, Guid partnershipId, IReadOnlyList<FollowUpCitizen> citizens,
        bool rebuilding, CancellationToken cancellationToken, MarksTaken? marks = null)
    {
        var before = rebuilding ? [] : await db.CountedCitizens.WithKeys("citizen_id", citizens.Select(c => c.CitizenId), partnershipId).AsNoTracking()
            .ToListAsync(cancellationToken);
        if (marks is not null)
        {
            var countedSince = before.Where(c => c.RecountedThrough >= marks.LatestOf[(partnershipId, c.CitizenId)]).Select(c => c.CitizenId)
                .ToHashSet(StringComparer.Ordinal);
            citizens = [.. citizens.Where(c => !countedSince.Contains(c.CitizenId))];
            before = [.. before.Where(c => !countedSince.Contains(c.CitizenId))];
        }
        if (citizens.Count == 0) return;
        var change = new Change();
        foreach (var counted in before)
        {
            change.Add(CommitteeCounts.Of(new FollowUpWindow(counted.FollowUpStart, counted.FollowUpEnd, counted.ExitDate),
                new DecidedWeeks(counted.FollowUpStart, counted.DecidedWeekStatuses), counted.WronglyEnrolled), -1);
        }
        foreach (var citizen in citizens) change.Add(CommitteeCounts.Of(citizen.Window, citizen.Weeks, citizen.WasWronglyEnrolled), +1);

        var ids = citizens.Select(c => c.CitizenId).ToArray();
        var starts = citizens.Select(c => c.FollowUpStart).ToArray();
        var ends = citizens.Select(c => c.FollowUpEnd).ToArray();
        var exits = citizens.Select(c => c.ExitDate).ToArray();
        var wrongly = citizens.Select(c => c.WasWronglyEnrolled).ToArray();
        var weeks = citizens.Select(c => c.DecidedWeekStatuses).ToArray();
        var through = marks?.Through ?? 0;
        // Overwritten in place: an update that changes no key stays off the primary key's index (HOT),
        // where a delete and insert wrote an index entry per citizen. A count outside a recount leaves the marks' number as it was.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO counted_citizens AS c (partnership_id, citizen_id, follow_up_start, follow_up_end, exit_date, wrongly_enrolled, decided_week_statuses,
                recounted_through)
            SELECT {partnershipId}, u.*, {through} FROM unnest({ids}, {starts}, {ends}, {exits}, {wrongly}, {weeks}) AS u
            ON CONFLICT (partnership_id, citizen_id) DO UPDATE SET follow_up_start = excluded.follow_up_start, follow_up_end = excluded.follow_up_end,
                exit_date = excluded.exit_date, wrongly_enrolled = excluded.wrongly_enrolled, decided_week_statuses = excluded.decided_week_statuses,
                recounted_through = greatest(c.recounted_through, excluded.recounted_through)
            """, cancellationToken);
        await change.WriteAsync(db, partnershipId, cancellationToken);
    }

    public static async Task DeleteAsync(OutcomeDbContext db, Guid partnershipId, CancellationToken cancellationToken)
    {
        await db.CountedCitizens.Where(c => c.PartnershipId == partnershipId).ExecuteDeleteAsync(cancellationToken);
        await db.FollowUpDayCounts.Where(c => c.PartnershipId == partnershipId).ExecuteDeleteAsync(cancellationToken);
        await db.StatusWeekCounts.Where(c => c.PartnershipId == partnershipId).ExecuteDeleteAsync(cancellationToken);
        await db.StatusAtMonthCounts.Where(c => c.PartnershipId == partnershipId).ExecuteDeleteAsync(cancellationToken);
        await db.FinalStatusCounts.Where(c => c.PartnershipId == partnershipId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The cells' changes, summed; cells whose change sums to nothing are not written.</summary>
    private sealed class Change
    {
        private readonly Dictionary<LocalDate, (int Started, int Completed, int Exited)> days = [];
        private readonly Dictionary<CommitteeCounts.WeekCell, int> weeks = [];
        private readonly Dictionary<CommitteeCounts.AtMonthCell, int> atMonths = [];
        private readonly Dictionary<CommitteeCounts.FinalCell, int> finals = [];

        public void Add(CommitteeCounts.Part part, int by)
        {
            foreach (var d in part.Days)
            {
                var (started, completed, exited) = days.GetValueOrDefault(d.Day);
                days[d.Day] = (started + by * d.Started, completed + by * d.Completed, exited + by * d.Exited);
            }
            foreach (var w in part.Weeks) weeks[w] = weeks.GetValueOrDefault(w) + by;
            foreach (var m in part.AtMonths) atMonths[m] = atMonths.GetValueOrDefault(m) + by;
            foreach (var f in part.Finals) finals[f] = finals.GetValueOrDefault(f) + by;
        }

        public async Task WriteAsync(OutcomeDbContext db, Guid partnershipId, CancellationToken cancellationToken)
        {
            var dayRows = days.Where(d => d.Value != (0, 0, 0)).OrderBy(d => d.Key).ToList();
            if (dayRows.Count > 0)
            {
                var day = dayRows.Select(d => d.Key).ToArray();
                var started = dayRows.Select(d => d.Value.Started).ToArray();
                var completed = dayRows.Select(d => d.Value.Completed).ToArray();
                var exited = dayRows.Select(d => d.Value.Exited).ToArray();
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO follow_up_day_counts AS t (partnership_id, day, started, completed, exited)
                    SELECT {partnershipId}, u.* FROM unnest({day}, {started}, {completed}, {exited}) AS u(day) ORDER BY u.day
                    ON CONFLICT (partnership_id, day) DO UPDATE
                    SET started = t.started + excluded.started, completed = t.completed + excluded.completed, exited = t.exited + excluded.exited
                    """, cancellationToken);
            }
            var weekRows = weeks.Where(w => w.Value != 0).OrderBy(w => (w.Key.WeekStart, w.Key.Status, w.Key.From, w.Key.Until)).ToList();
            if (weekRows.Count > 0)
            {
                var weekStart = weekRows.Select(w => w.Key.WeekStart).ToArray();
                var status = weekRows.Select(w => w.Key.Status).ToArray();
                var from = weekRows.Select(w => w.Key.From).ToArray();
                var until = weekRows.Select(w => w.Key.Until).ToArray();
                var citizens = weekRows.Select(w => w.Value).ToArray();
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO status_week_counts AS t (partnership_id, week_start, status, from_day, until_day, citizens)
                    SELECT {partnershipId}, u.w, u.s, u.f, u.t, u.c FROM unnest({weekStart}, {status}, {from}, {until}, {citizens}) WITH ORDINALITY AS u(w, s, f, t, c, n) ORDER BY u.n
                    ON CONFLICT (partnership_id, week_start, status, from_day, until_day) DO UPDATE SET citizens = t.citizens + excluded.citizens
                    """, cancellationToken);
            }
            var monthRows = atMonths.Where(m => m.Value != 0).OrderBy(m => (m.Key.Months, m.Key.Day, m.Key.Status)).ToList();
            if (monthRows.Count > 0)
            {
                var months = monthRows.Select(m => m.Key.Months).ToArray();
                var day = monthRows.Select(m => m.Key.Day).ToArray();
                var status = monthRows.Select(m => m.Key.Status).ToArray();
                var citizens = monthRows.Select(m => m.Value).ToArray();
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO status_at_month_counts AS t (partnership_id, months, day, status, citizens)
                    SELECT {partnershipId}, u.m, u.d, u.s, u.c FROM unnest({months}, {day}, {status}, {citizens}) WITH ORDINALITY AS u(m, d, s, c, n) ORDER BY u.n
                    ON CONFLICT (partnership_id, months, day, status) DO UPDATE SET citizens = t.citizens + excluded.citizens
                    """, cancellationToken);
            }
            var finalRows = finals.Where(f => f.Value != 0).OrderBy(f => (f.Key.Day, f.Key.Status)).ToList();
            if (finalRows.Count > 0)
            {
                var day = finalRows.Select(f => f.Key.Day).ToArray();
                var status = finalRows.Select(f => f.Key.Status).ToArray();
                var citizens = finalRows.Select(f => f.Value).ToArray();
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO final_status_counts AS t (partnership_id, day, status, citizens)
                    SELECT {partnershipId}, u.d, u.s, u.c FROM unnest({day}, {status}, {citizens}) WITH ORDINALITY AS u(d, s, c, n) ORDER BY u.n
                    ON CONFLICT (partnership_id, day, status) DO UPDATE SET citizens = t.citizens + excluded.citizens
                    """, cancellationToken);
            }
        }
    }
}
