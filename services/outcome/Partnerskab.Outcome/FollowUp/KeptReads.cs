using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Outcome.Checkpoints;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Outcome.Reports;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Outcome.FollowUp;

/// <summary>Which of a citizen's facts changed, and so which of what is kept from them.</summary>
[Flags]
public enum FactsChanged
{
    /// <summary>The follow-up window: a handover, a moved handover date, an exit.</summary>
    Window = 1,
    /// <summary>The contacts (the worklist's contact checkpoints and days without contact).</summary>
    Contacts = 2,
    /// <summary>The decided weeks.</summary>
    Weeks = 4,
    All = Window | Contacts | Weeks,
}

/// <summary>
/// Keeps what the partnership-wide reads read instead of every citizen right as facts change:
/// the kept worklist (<see cref="KeptWorklist"/>; only for a partnership with a plan) and the
/// committee report's counts (<see cref="CommitteeCounts"/>). Every writer of a fact they rest on
/// calls it in its own transaction, under the citizens' locks, with the citizens as they stand
/// after the change, or marks the citizens there to be recounted after it commits
/// (<see cref="MarkAsync"/>: status ingestion; recounted by <see cref="KeptReadsUpkeep"/>, or by
/// a read that meets them first). A partnership is built again from its facts when its plan
/// changes or when the kept rows are new to a database (<see cref="RequestRebuildAsync"/>, done by
/// <see cref="KeptReadsUpkeep"/>); until then, and while one of its citizens is marked, its
/// worklist and report are computed from the facts.
/// </summary>
/// <remarks>
/// Writers take the partnership's lock shared and a rebuild takes it alone, so a rebuild reads
/// the facts after every writer before it has committed, and a writer after it finds the rebuilt rows.
/// </remarks>
public sealed class KeptReads(OutcomeDbContext db, MilestoneRecalculation recalculation, IClock clock)
{
    private const int RebuildChunk = 2_000;
    private const int RecountChunk = 2_000;
    /// <summary>How many chunks a read recounts before it answers; marks left after them make it compute from the facts.</summary>
    private const int ReadRecountChunks = 10;

    /// <summary>Brings what is kept of the citizens in step with them as they stand (tracked, saved or not); their contacts are read as stored.</summary>
    public async Task KeepAsync(IEnumerable<FollowUpCitizen> citizensNow, FactsChanged changed, CancellationToken cancellationToken)
    {
        // Partnerships in one order, so two writers of the same two partnerships' counts wait rather than deadlock.
        foreach (var partnership in citizensNow.GroupBy(c => c.PartnershipId).OrderBy(g => g.Key))
        {
            await AdvisoryLocks.LockAsync(db, [], [LockKey(partnership.Key)], cancellationToken);
            if (await db.KeptRebuilds.AnyAsync(r => r.PartnershipId == partnership.Key, cancellationToken)) continue;
            var citizens = partnership.DistinctBy(c => c.CitizenId).ToList();
            if (changed.HasFlag(FactsChanged.Window) || changed.HasFlag(FactsChanged.Weeks))
            {
                await CommitteeCountsStore.WriteAsync(db, partnership.Key, citizens, rebuilding: false, cancellationToken);
            }
            if (await FollowUpPlans.StoredAsync(db, partnership.Key, cancellationToken) is { } plan)
            {
                await KeptWorklistStore.WriteAsync(db, plan, citizens, changed, rebuilding: false, cancellationToken);
            }
        }
    }

    /// <summary>The same for citizens as stored (after the caller has saved its change); nothing for a citizen not known here.</summary>
    public async Task KeepStoredAsync(IEnumerable<(Guid PartnershipId, string CitizenId)> citizens, FactsChanged changed, CancellationToken cancellationToken)
    {
        foreach (var partnership in citizens.GroupBy(c => c.PartnershipId))
        {
            var stored = await db.FollowUpCitizens.WithKeys("citizen_id", partnership.Select(c => c.CitizenId).Distinct(), partnership.Key)
                .AsNoTracking().ToListAsync(cancellationToken);
            await KeepAsync(stored, changed, cancellationToken);
        }
    }

    /// <summary>
    /// Marks the citizens, in the caller's transaction and under their locks, to be recounted after
    /// it commits (<see cref="RecountMarkedAsync"/>) instead of keeping them here: for a batch of
    /// many citizens, whose writer should not wait for it. A citizen marked again keeps its place.
    /// </summary>
    public Task MarkAsync(Guid partnershipId, IEnumerable<string> citizenIds, FactsChanged changed, CancellationToken cancellationToken)
    {
        var ids = citizenIds.Distinct(StringComparer.Ordinal).ToArray();
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO kept_recounts AS r (partnership_id, citizen_id, changed, marked_at)
            SELECT {partnershipId}, u.citizen_id, {(int)changed}, {clock.GetCurrentInstant()} FROM unnest({ids}) AS u(citizen_id)
            ON CONFLICT (partnership_id, citizen_id) DO UPDATE SET changed = r.changed | excluded.changed
            """, cancellationToken);
    }

    /// <summary>
    /// Recounts up to a chunk of marked citizens, the longest marked first (of one partnership, or
    /// of any), in a transaction of its own; false when none was marked. The marks are taken
    /// (deleted) under the citizens' locks before the citizens are read, so a writer's mark is
    /// taken after its facts committed or left for the next recount, and an instance that finds
    /// the marks taken by another recounts nothing.
    /// </summary>
    public async Task<bool> RecountMarkedAsync(Guid? partnershipId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var marked = await db.KeptRecounts.AsNoTracking()
            .Where(r => partnershipId == null || r.PartnershipId == partnershipId)
            .OrderBy(r => r.MarkedAt).Take(RecountChunk)
            .Select(r => new { r.PartnershipId, r.CitizenId }).ToListAsync(cancellationToken);
        if (marked.Count == 0) return false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await recalculation.LockCitizensAsync(marked.Select(m => (m.PartnershipId, m.CitizenId)), cancellationToken);
        var partnerships = marked.Select(m => m.PartnershipId).ToArray();
        var citizens = marked.Select(m => m.CitizenId).ToArray();
        var taken = await db.KeptRecounts.FromSql($"""
                DELETE FROM kept_recounts AS r USING unnest({partnerships}, {citizens}) AS u(partnership_id, citizen_id)
                WHERE r.partnership_id = u.partnership_id AND r.citizen_id = u.citizen_id
                RETURNING r.*
                """)
            .AsNoTracking().ToListAsync(cancellationToken);
        foreach (var changed in taken.GroupBy(r => r.Changed))
        {
            await KeepStoredAsync(changed.Select(r => (r.PartnershipId, r.CitizenId)), changed.Key, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Recounts the partnership's marked citizens before a read of its kept rows, up to a bound (a stream may still be marking more).</summary>
    public async Task RecountForReadAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var chunks = 0;
        while (chunks < ReadRecountChunks && await RecountMarkedAsync(partnershipId, cancellationToken)) chunks++;
    }

    /// <summary>Asks for the partnership's kept rows to be built again from its facts, in the caller's transaction (its plan changed).</summary>
    public Task RequestRebuildAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO kept_rebuilds (partnership_id, requested_at) VALUES ({partnershipId}, {clock.GetCurrentInstant()})
            ON CONFLICT (partnership_id) DO UPDATE SET requested_at = excluded.requested_at
            """, cancellationToken);

    /// <summary>Whether the partnership's kept rows are waiting to be built again or one of its citizens to be recounted (then its reads are computed from the facts).</summary>
    public static Task<bool> WaitingAsync(OutcomeDbContext db, Guid partnershipId, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (SELECT 1 FROM kept_rebuilds WHERE partnership_id = {partnershipId})
                OR EXISTS (SELECT 1 FROM kept_recounts WHERE partnership_id = {partnershipId})
                AS "Value"
            """).SingleAsync(cancellationToken);

    /// <summary>Builds one partnership asked for again, in a transaction of its own; false when none is waiting.</summary>
    public async Task<bool> RebuildNextAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var waiting = await db.KeptRebuilds
            .FromSql($"SELECT * FROM kept_rebuilds ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED")
            .FirstOrDefaultAsync(cancellationToken);
        if (waiting is null) return false;
        var partnershipId = waiting.PartnershipId;
        await AdvisoryLocks.LockAsync(db, LockKey(partnershipId), cancellationToken);
        await KeptWorklistStore.DeleteAsync(db, partnershipId, cancellationToken);
        await CommitteeCountsStore.DeleteAsync(db, partnershipId, cancellationToken);
        var plan = await FollowUpPlans.StoredAsync(db, partnershipId, cancellationToken);
        var after = "";
        while (true)
        {
            var chunk = await db.FollowUpCitizens.AsNoTracking()
                .Where(c => c.PartnershipId == partnershipId && string.Compare(c.CitizenId, after) > 0)
                .OrderBy(c => c.CitizenId).Take(RebuildChunk).ToListAsync(cancellationToken);
            if (chunk.Count == 0) break;
            await CommitteeCountsStore.WriteAsync(db, partnershipId, chunk, rebuilding: true, cancellationToken);
            if (plan is not null) await KeptWorklistStore.WriteAsync(db, plan, chunk, FactsChanged.All, rebuilding: true, cancellationToken);
            after = chunk[^1].CitizenId;
        }
        db.KeptRebuilds.Remove(waiting);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static string LockKey(Guid partnershipId) => $"kept-reads/{partnershipId}";
}
