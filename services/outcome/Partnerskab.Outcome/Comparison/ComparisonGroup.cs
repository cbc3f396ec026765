using Microsoft.EntityFrameworkCore;
using Partnerskab.Outcome.BusinessCase;
using Partnerskab.Outcome.History;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Outcome.Timeline;

namespace Partnerskab.Outcome.Comparison;

/// <summary>
/// A partnership's comparison group as the business case reads it: each registered citizen from
/// the day it entered the target group, for as many months as the cohort is followed, with the
/// register's latest status of each week (as known on a day: the latest recorded by its end).
/// Statuses sent before the registration count once it is there; a citizen who is (also) in the
/// cohort is left out, whichever came first.
/// </summary>
public static class ComparisonGroup
{
    public static async Task<List<CitizenMonths.Citizen>> ReadAsync(OutcomeDbContext db, Guid partnershipId, KnownOn? knownOn, int followUpMonths,
        IReadOnlySet<string> cohort, CancellationToken cancellationToken)
    {
        var registered = db.ComparisonRegistrations.AsNoTracking().Where(r => r.PartnershipId == partnershipId);
        var reported = db.ComparisonStatusReports.AsNoTracking().Where(r => r.PartnershipId == partnershipId);
        if (knownOn is { End: var end })
        {
            registered = registered.Where(r => r.RecordedAt < end);
            reported = reported.Where(r => r.RecordedAt < end);
        }
        var registrations = (await registered.ToListAsync(cancellationToken))
            .GroupBy(r => r.CitizenId)
            .Select(g => g.MaxBy(r => r.Id)!)
            .Where(r => !cohort.Contains(r.CitizenId))
            .ToList();
        if (registrations.Count == 0) return [];
        var weeks = (await reported.ToListAsync(cancellationToken))
            .GroupBy(r => (r.CitizenId, r.WeekStart))
            .Select(g => g.MaxBy(r => r.Id)!)
            .ToLookup(r => r.CitizenId, r => new WeeklyTimeline.Report(r.WeekStart, StatusSource.Register, r.Status, r.PaidHoursHundredths));
        return registrations
            .Select(r => new CitizenMonths.Citizen(r.TargetGroupStart, r.TargetGroupStart.PlusMonths(followUpMonths),
                new DecidedWeeks(r.TargetGroupStart, new DecidedWeeks(r.TargetGroupStart, []).With(weeks[r.CitizenId]))))
            .ToList();
    }
}
