using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Persistence;

namespace Partnerskab.Outcome.FollowUp;

/// <summary>
/// A citizen's follow-up as this service knows it from the handover event, or else as the
/// cohort service answers, and the one place a follow-up is opened from that answer: the row
/// the handover event would open (the window only; an exit comes by its own event), which the
/// event later finds and sets to the same window.
/// </summary>
public sealed class FollowUpLookup(OutcomeDbContext db, CohortLookup cohort, MilestoneRecalculation recalculation, KeptReads kept, IClock clock)
{
    /// <summary>The citizen's follow-up known here, else the cohort service's answer on the day as an unsaved row; null when neither knows the citizen.</summary>
    public async Task<FollowUpCitizen?> KnownOrAskAsync(Guid partnershipId, string citizenId, LocalDate onDate, CancellationToken cancellationToken) =>
        await KnownAsync(partnershipId, citizenId, cancellationToken)
        ?? (await AskAsync(partnershipId, citizenId, onDate, cancellationToken) is { } answer ? Row(partnershipId, citizenId, answer) : null);

    /// <summary>The citizen's follow-up known here (untracked), or null.</summary>
    public Task<FollowUpCitizen?> KnownAsync(Guid partnershipId, string citizenId, CancellationToken cancellationToken) =>
        db.FollowUpCitizens.AsNoTracking().FirstOrDefaultAsync(c => c.PartnershipId == partnershipId && c.CitizenId == citizenId, cancellationToken);

    /// <summary>
    /// The cohort service's answer on the day; null when it does not know the citizen. It alone is
    /// sure to know of exits, so a verification or correction, the moment money is decided, asks it.
    /// </summary>
    public Task<CohortLookup.FollowUpAnswer?> AskAsync(Guid partnershipId, string citizenId, LocalDate onDate, CancellationToken cancellationToken) =>
        cohort.FollowUpStatusAsync(partnershipId, citizenId, onDate, cancellationToken);

    /// <summary>Opens the citizen's follow-up from the cohort's answer unless it is known here; the caller holds the citizen's lock, in its transaction.</summary>
    public async Task OpenIfUnknownAsync(Guid partnershipId, string citizenId, CohortLookup.FollowUpAnswer answer, CancellationToken cancellationToken)
    {
        if (await db.FollowUpCitizens.AnyAsync(c => c.PartnershipId == partnershipId && c.CitizenId == citizenId, cancellationToken)) return;
        var citizen = Row(partnershipId, citizenId, answer);
        db.FollowUpCitizens.Add(citizen);
        await kept.KeepAsync([citizen], FactsChanged.Window, cancellationToken);
    }

    /// <summary>
    /// <see cref="OpenIfUnknownAsync"/> in a transaction of its own under the citizen's lock (the
    /// handover consumer takes it too), so what the caller records next belongs to a citizen the worklist knows.
    /// </summary>
    public async Task OpenNowIfUnknownAsync(Guid partnershipId, string citizenId, CohortLookup.FollowUpAnswer answer, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await recalculation.LockCitizensAsync(partnershipId, [citizenId], cancellationToken);
        await OpenIfUnknownAsync(partnershipId, citizenId, answer, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Opens the follow-up of a citizen this service does not know from the cohort's answer on the
    /// day, tracked and unsaved; null when the cohort service does not know the citizen either.
    /// The caller holds the citizen's lock and has found no row.
    /// </summary>
    public async Task<FollowUpCitizen?> OpenFromCohortAsync(Guid partnershipId, string citizenId, LocalDate onDate, CancellationToken cancellationToken)
    {
        if (await AskAsync(partnershipId, citizenId, onDate, cancellationToken) is not { } answer) return null;
        var citizen = Row(partnershipId, citizenId, answer);
        db.FollowUpCitizens.Add(citizen);
        return citizen;
    }

    private FollowUpCitizen Row(Guid partnershipId, string citizenId, CohortLookup.FollowUpAnswer answer) => new()
    {
        PartnershipId = partnershipId, CitizenId = citizenId, FollowUpStart = answer.Start, FollowUpEnd = answer.End, RecordedAt = clock.GetCurrentInstant(),
    };
}
