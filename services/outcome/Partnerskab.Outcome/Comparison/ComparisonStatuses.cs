using Microsoft.EntityFrameworkCore;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Outcome.Timeline;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Outcome.Comparison;

/// <summary>
/// The comparison group's weekly statuses from the register's stream
/// (<see cref="StatusSource.ComparisonRegister"/>): decided by <see cref="StatusRowFate.DecideComparison"/>
/// under the citizens' locks and written as new versions, in the caller's transaction. Nothing
/// of the cohort is touched: no decided weeks, milestones, worklist rows or committee counts.
/// </summary>
public sealed class ComparisonStatuses(OutcomeDbContext db, MilestoneRecalculation recalculation)
{
    /// <summary>Each row's fate, in the rows' order.</summary>
    public async Task<List<(int RowNumber, string CitizenId, StatusRowFate.Fate Fate)>> DecideAndWriteAsync(Guid partnershipId,
        IReadOnlyList<(int RowNumber, WeeklyStatusReport Report)> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Report.CitizenId).Distinct().ToList();
        // The lock the handover consumer takes too: a handover and this check cannot cross.
        await recalculation.LockCitizensAsync(partnershipId, ids, cancellationToken);
        var handedOver = (await db.FollowUpCitizens.WithKeys("citizen_id", ids, partnershipId).AsNoTracking()
            .Select(c => c.CitizenId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var latest = (await LatestAsync(partnershipId, rows.Select(r => r.Report), cancellationToken)).ToDictionary(r => (r.CitizenId, r.WeekStart));
        var fates = new List<(int, string, StatusRowFate.Fate)>(rows.Count);
        foreach (var (rowNumber, report) in rows)
        {
            var row = new ComparisonStatusReport
            {
                PartnershipId = partnershipId,
                CitizenId = report.CitizenId,
                WeekStart = report.WeekStart,
                Status = report.Status,
                PaidHoursHundredths = report.PaidHoursHundredths,
                RecordedAt = report.RecordedAt,
            };
            var key = (row.CitizenId, row.WeekStart);
            var fate = StatusRowFate.DecideComparison(row, handedOver.Contains(row.CitizenId), latest.GetValueOrDefault(key));
            if (fate is StatusRowFate.New)
            {
                db.ComparisonStatusReports.Add(row);
                latest[key] = row;
            }
            fates.Add((rowNumber, row.CitizenId, fate));
        }
        await db.SaveChangesAsync(cancellationToken);
        return fates;
    }

    /// <summary>The latest version of each of the rows' weeks.</summary>
    private async Task<List<ComparisonStatusReport>> LatestAsync(Guid partnershipId, IEnumerable<WeeklyStatusReport> rows, CancellationToken cancellationToken)
    {
        var keys = rows.Select(r => (r.CitizenId, r.WeekStart)).Distinct().ToList();
        var citizenIds = keys.Select(k => k.CitizenId).ToArray();
        var weekStarts = keys.Select(k => k.WeekStart).ToArray();
        return await db.ComparisonStatusReports.FromSql(
                $"""
                SELECT DISTINCT ON (r.citizen_id, r.week_start) r.* FROM comparison_status_reports AS r
                JOIN unnest({citizenIds}, {weekStarts}) AS k(citizen_id, week_start) ON r.citizen_id = k.citizen_id AND r.week_start = k.week_start
                WHERE r.partnership_id = {partnershipId}
                ORDER BY r.citizen_id, r.week_start, r.id DESC
                """)
            .AsNoTracking().ToListAsync(cancellationToken);
    }
}
