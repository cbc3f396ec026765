using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Outcome.Persistence;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Outcome.Checkpoints;

/// <summary>A page of a worklist with the counts that come with every page.</summary>
public sealed record WorklistPage(IReadOnlyList<Worklist.Item> Items, Worklist.Key? Next, int InFollowUp, int ClosedOut);

/// <summary>
/// A worklist page read from the kept rows (<see cref="KeptWorklist"/>): one range of the
/// index in the worklist's order from the page token on, the page's citizens by key, and the
/// counts summed from the committee report's day counts (<see cref="Reports.CommitteeCounts"/>), so a page costs the same whatever the partnership's size.
/// Read in one snapshot (the caller's repeatable-read transaction).
/// </summary>
/// <remarks>
/// The partnership is given as <c>(SELECT @partnership)</c>, a value the planner cannot see (as in
/// <see cref="KeyProbes"/>). For a partnership newer than a table's statistics (its kept rows just
/// built, its first contacts) the planner would otherwise expect one row and take any index that
/// starts with partnership_id: the page sorted the partnership's every kept row, and the check for
/// a later contact walked its every contact, until the table was analysed again. Unseen, the value
/// is costed as an average partnership's, and the indexes that hold the page's order and the
/// contact date are taken.
/// </remarks>
public static class KeptWorklistRead
{
    /// <summary>
    /// Whether the kept rows answer for the day: the partnership is not waiting to be built again
    /// nor any of its citizens to be recounted, no row that was an item on the day has been swept,
    /// and no contact is dated after it (the last contact kept is the last by the day).
    /// </summary>
    public static async Task<bool> AnswersAsync(OutcomeDbContext db, Guid partnershipId, LocalDate asOf, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<bool>($"""
            SELECT NOT EXISTS (SELECT 1 FROM kept_rebuilds WHERE partnership_id = {partnershipId})
                AND NOT EXISTS (SELECT 1 FROM kept_recount_marks WHERE partnership_id = {partnershipId})
                AND NOT EXISTS (SELECT 1 FROM worklist_sweeps WHERE swept_through > {asOf})
                AND NOT EXISTS (SELECT 1 FROM contacts WHERE partnership_id = (SELECT {partnershipId}) AND contact_date > {asOf})
                AS "Value"
            """).SingleAsync(cancellationToken);

    /// <summary>The page; null when an item's citizen has no kept row (the kept rows disagree, so they decline to answer).</summary>
    public static async Task<WorklistPage?> ReadAsync(OutcomeDbContext db, Guid partnershipId, LocalDate asOf, Worklist.Key? after, int size,
        CancellationToken cancellationToken)
    {
        var rows = await (after is { } a
            ? db.WorklistItems.FromSql($"""
                SELECT * FROM worklist_items
                WHERE partnership_id = (SELECT {partnershipId}) AND due_on < {asOf} AND (until IS NULL OR until > {asOf})
                  AND (due_on, citizen_id, kind, months) > ({a.DueOn}, {a.CitizenId}, {(int)a.Kind}, {a.Months})
                ORDER BY due_on, citizen_id, kind, months LIMIT {size + 1}
                """)
            : db.WorklistItems.FromSql($"""
                SELECT * FROM worklist_items
                WHERE partnership_id = (SELECT {partnershipId}) AND due_on < {asOf} AND (until IS NULL OR until > {asOf})
                ORDER BY due_on, citizen_id, kind, months LIMIT {size + 1}
                """)).AsNoTracking().ToListAsync(cancellationToken);
        var citizens = await db.WorklistCitizens.WithKeys("citizen_id", rows.Select(r => r.CitizenId).Distinct(), partnershipId).AsNoTracking()
            .ToDictionaryAsync(c => c.CitizenId, cancellationToken);
        if (rows.Take(size).Any(r => !citizens.ContainsKey(r.CitizenId))) return null;
        var items = rows.Take(size).Select(r =>
        {
            var c = citizens[r.CitizenId];
            return new KeptWorklist.Citizen(c.Start, c.ObligationsEnd, c.LastContactOn)
                .Item(r.CitizenId, new KeptWorklist.Row(r.Kind, r.DueOn, r.Months, r.Until), asOf);
        }).ToList();
        var counts = await db.FollowUpDayCounts.AsNoTracking()
            .Where(d => d.PartnershipId == partnershipId && d.Day <= asOf)
            .GroupBy(d => d.PartnershipId)
            .Select(g => new { Started = g.Sum(d => d.Started), ClosedOut = g.Sum(d => d.Completed + d.Exited) })
            .SingleOrDefaultAsync(cancellationToken);
        var closedOut = counts?.ClosedOut ?? 0;
        return new WorklistPage(items, rows.Count > size ? items[^1].SortKey : null, (counts?.Started ?? 0) - closedOut, closedOut);
    }
}
