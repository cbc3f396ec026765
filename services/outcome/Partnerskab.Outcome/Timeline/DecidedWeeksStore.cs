using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Outcome.Persistence;

namespace Partnerskab.Outcome.Timeline;

/// <summary>Keeps citizens' <see cref="DecidedWeeks"/> in step with their reports; the caller holds the citizens' locks, in its transaction.</summary>
public static class DecidedWeeksStore
{
    /// <summary>Stores the decided weeks of citizens whose reports the caller has in hand, all in one statement.</summary>
    public static async Task WriteAsync(OutcomeDbContext db, Guid partnershipId, IReadOnlyCollection<(string CitizenId, byte[] Statuses)> citizens,
        CancellationToken cancellationToken)
    {
        if (citizens.Count == 0) return;
        var ids = citizens.Select(c => c.CitizenId).ToArray();
        var statuses = citizens.Select(c => c.Statuses).ToArray();
        await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE follow_up_citizens AS c SET decided_week_statuses = u.statuses
            FROM unnest({ids}, {statuses}) AS u(citizen_id, statuses)
            WHERE c.partnership_id = {partnershipId} AND c.citizen_id = u.citizen_id
            """, cancellationToken);
    }

    /// <summary>Recomputes a citizen's decided weeks from the stored reports, for a follow-up starting on <paramref name="followUpStart"/>.</summary>
    public static async Task RefreshAsync(OutcomeDbContext db, Guid partnershipId, string citizenId, LocalDate followUpStart, CancellationToken cancellationToken)
    {
        var reports = await db.WeeklyStatusReports.AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId && r.CitizenId == citizenId)
            .Select(r => r.ToReport())
            .ToListAsync(cancellationToken);
        await WriteAsync(db, partnershipId, [(citizenId, DecidedWeeks.Encode(followUpStart, WeeklyTimeline.Build(reports)))], cancellationToken);
    }
}
