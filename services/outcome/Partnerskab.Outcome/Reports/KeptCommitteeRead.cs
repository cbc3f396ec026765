using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Outcome.Timeline;

namespace Partnerskab.Outcome.Reports;

/// <summary>
/// The committee report's counts on a day read from the kept cells (<see cref="CommitteeCounts"/>):
/// the partnership's day counts up to the day, the week cells of the months' counted-on days, and
/// the M-month and final-status cells up to the day, summed; none of it grows with the citizens.
/// </summary>
public static class KeptCommitteeRead
{
    public static async Task<CommitteeReport.Counts> CountsAsync(OutcomeDbContext db, Guid partnershipId, LocalDate asOf, CancellationToken cancellationToken)
    {
        var days = await db.FollowUpDayCounts.AsNoTracking()
            .Where(d => d.PartnershipId == partnershipId && d.Day <= asOf)
            .OrderBy(d => d.Day)
            .ToListAsync(cancellationToken);
        var firstStart = days.FirstOrDefault(d => d.Started > 0)?.Day;
        var countedOn = firstStart is { } first ? CommitteeCounts.CountedOn(first, asOf) : [];
        var weekStarts = countedOn.Select(WeeklyTimeline.WeekOf).Distinct().ToList();
        var weekCells = (await db.StatusWeekCounts.AsNoTracking()
            .Where(w => w.PartnershipId == partnershipId && weekStarts.Contains(w.WeekStart) && w.Citizens != 0)
            .ToListAsync(cancellationToken)).ToLookup(w => w.WeekStart);
        var months = countedOn.Select(day =>
        {
            var upTo = days.Where(d => d.Day <= day).ToList();
            var byStatus = weekCells[WeeklyTimeline.WeekOf(day)]
                .Where(w => w.FromDay <= day && day < w.UntilDay)
                .GroupBy(w => w.Status)
                .ToDictionary(g => g.Key, g => g.Sum(w => w.Citizens));
            return new CommitteeCounts.MonthSums(day, upTo.Sum(d => d.Started), upTo.Sum(d => d.Completed), upTo.Sum(d => d.Exited), byStatus);
        }).ToList();
        var atMonths = await db.StatusAtMonthCounts.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.Day <= asOf)
            .GroupBy(c => new { c.Months, c.Status })
            .Select(g => new { g.Key.Months, g.Key.Status, Citizens = g.Sum(c => c.Citizens) })
            .ToDictionaryAsync(c => (c.Months, c.Status), c => c.Citizens, cancellationToken);
        var finals = await db.FinalStatusCounts.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.Day <= asOf)
            .GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Citizens = g.Sum(c => c.Citizens) })
            .ToDictionaryAsync(c => c.Status, c => c.Citizens, cancellationToken);
        return CommitteeCounts.Counts(new CommitteeCounts.Sums(days.Sum(d => d.Started), months, atMonths, finals));
    }
}
