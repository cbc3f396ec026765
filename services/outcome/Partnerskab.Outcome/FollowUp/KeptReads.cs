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
    /// <summary>How many marks a recount takes: two status batches' citizens, up to 2,000.</summary>
    private const int RecountMarks = 2;
    /// <summary>How many recounts a read makes before it answers; marks left after them make it compute from the facts.</summary>
    private const int ReadRecounts = 10;

    /// <summary>Brings what is kept of the citizens in step with them as they stand (tracked, saved or not); their contacts are read as stored.</summary>
    /// <param name="marks">The marks a recount took for them, if it is one: a citizen counted since its latest mark was made keeps its count.</param>
    public async Task KeepAsync(IEnumerable<FollowUpCitizen> citizensNow, FactsChanged changed, CancellationToken cancellationToken, MarksTaken? marks = null)
    {
        // Partnerships in one order, so two writers of the same two partnerships' counts wait rather than deadlock.
        foreach (var partnership in citizensNow.GroupBy(c => c.PartnershipId).OrderBy(g => g.Key))
        {
            await AdvisoryLocks.LockAsync(db, [], [LockKey(partnership.Key)], cancellationToken);
            if (await db.KeptRebuilds.AnyAsync(r => r.PartnershipId == partnership.Key, cancellationToken)) continue;
            var citizens = partnership.DistinctBy(c => c.CitizenId).ToList();
            if (changed.HasFlag(FactsChanged.Window) || changed.HasFlag(FactsChanged.Weeks))
            {
                await CommitteeCountsStore.WriteAsync(db, partnership.Key, citizens, rebuilding: false, cancellationToken, marks);
            }
            if (await FollowUpPlans.StoredAsync(db, partnership.Key, cancellationToken) is { } plan)
            {
                await KeptWorklistStore.WriteAsync(db, plan, citizens, changed, rebuilding: false, cancellationToken);
            }
        }
    }

    /// <summary>The same for citizens as stored (after the caller has saved its change); nothing for a citizen not known here.</summary>
    public async Task KeepStoredAsync(IEnumerable<(Guid PartnershipId, string CitizenId)> citizens, FactsChanged changed, CancellationToken cancellationToken,
        MarksTaken? marks = null)
    {
        foreach (var partnership in citizens.GroupBy(c => c.PartnershipId))
        {
            var stored = await db.FollowUpCitizens.WithKeys("citizen_id", partnership.Select(c => c.CitizenId).Distinct(), partnership.Key)
                .AsNoTracking().ToListAsync(cancellationToken);
            await KeepAsync(stored, changed, cancellationToken, marks);
        }
    }

    /// <summary>
    /// Marks the citizens, in the caller's transaction and under their locks, to be recounted after
    /// it commits (<see cref="RecountMarkedAsync"/>) instead of keeping them here: for a batch of
    /// many citizens, whose writer should not wait for it. One row per call, however many citizens.
    /// </summary>
    public Task MarkAsync(Guid partnershipId, IEnumerable<string> citizenIds, FactsChanged changed, CancellationToken cancellationToken)
    {
        var ids = citizenIds.Distinct(StringComparer.Ordinal).ToArray();
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO kept_recount_marks (partnership_id, citizen_ids, changed, marked_at)
            VALUES ({partnershipId}, {ids}, {(int)changed}, {clock.GetCurrentInstant()})
            """, cancellationToken);
    }

    /// <summary>
    /// Recounts the citizens of the oldest marks (of one partnership, or of any), a few marks at a
    /// time, in a transaction of its own; false when none was left. The marks are taken (deleted)
    /// under the citizens' locks before the citizens are read, so a writer's mark is taken after
    /// its facts committed or left for the next recount, and an instance that finds the marks
    /// taken by another recounts nothing. A citizen counted since the latest of its marks taken
    /// here was made keeps its count, which already saw the mark's facts (its worklist rows, cheap
    /// to write, are written again).
    /// </summary>
    /// <remarks>
    /// A writer takes its citizens' locks before its mark gets its number, and holds them until it
    /// commits. So once a recount holds a citizen's lock, every mark numbered up to the marks'
    /// sequence as it reads it then is either committed or gone, and the facts the recount reads
    /// are the marks' own; the citizen's count keeps that number (<see cref="CountedCitizen.RecountedThrough"/>).
    /// </remarks>
    public async Task<bool> RecountMarkedAsync(Guid? partnershipId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var oldest = await db.KeptRecounts.AsNoTracking()
            .Where(r => partnershipId == null || r.PartnershipId == partnershipId)
            .OrderBy(r => r.Id).Take(RecountMarks)
            .ToListAsync(cancellationToken);
        if (oldest.Count == 0) return false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await recalculation.LockCitizensAsync(oldest.SelectMany(m => m.CitizenIds.Select(c => (m.PartnershipId, c))).Distinct(), cancellationToken);
        var through = await db.Database.SqlQuery<long>(
            $"SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('kept_recount_marks', 'id')::regclass), 0) AS \"Value\"")
            .SingleAsync(cancellationToken);
        var ids = oldest.Select(m => m.Id).ToArray();
        var taken = await db.KeptRecounts.FromSql($"DELETE FROM kept_recount_marks WHERE id = ANY({ids}) RETURNING *")
            .AsNoTracking().ToListAsync(cancellationToken);
        var citizens = taken.SelectMany(m => m.CitizenIds.Select(c => (Citizen: (m.PartnershipId, c), Mark: m)))
            .GroupBy(c => c.Citizen, c => c.Mark)
            .Select(marks => (Citizen: marks.Key, Latest: marks.Max(m => m.Id), Changed: marks.Aggregate((FactsChanged)0, (all, m) => all | m.Changed)))
            .ToList();
        var marksTaken = new MarksTaken(through, citizens.ToDictionary(c => c.Citizen, c => c.Latest));
        foreach (var changed in citizens.GroupBy(c => c.Changed))
        {
            await KeepStoredAsync(changed.Select(c => c.Citizen), changed.Key, cancellationToken, marksTaken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Recounts the partnership's marked citizens before a read of its kept rows, up to a bound (a stream may still be marking more).</summary>
    public async Task RecountForReadAsync(Guid partnershipId, CancellationToken cancellationToken)
    {
        var chunks = 0;
        while (chunks < ReadRecounts && await RecountMarkedAsync(partnershipId, cancellationToken)) chunks++;
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
                OR EXISTS (SELECT 1 FROM kept_recount_marks WHERE partnership_id = {partnershipId})
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

/// <summary>
/// What a recount took: the latest mark of each citizen (<see cref="KeptRecount.Id"/>), and the marks'
/// sequence as it stood once the citizens' locks were held, which the citizens' counts keep.
/// </summary>
public sealed record MarksTaken(long Through, IReadOnlyDictionary<(Guid PartnershipId, string CitizenId), long> LatestOf);
