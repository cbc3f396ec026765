using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Contracts;
using Partnerskab.Contracts.Outcome;
using Partnerskab.Messaging.Outbox;
using Partnerskab.Outcome.Claims;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Outcome.Timeline;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Outcome.Milestones;

/// <summary>
/// Runs the milestone engine for citizens whose facts just changed and stores the difference:
/// newly reached milestones are added and announced together with MilestonesAchieved, milestones the
/// facts no longer reach are revoked (kept, with what took them away) and announced with
/// MilestoneRevoked, both through the outbox. Runs inside the caller's transaction, after the
/// caller has taken the citizens' locks (<see cref="LockCitizensAsync"/>) and staged the change.
/// </summary>
/// <remarks>
/// A milestone the facts still reach on its day keeps its id (payment has priced it) and only
/// its basis is brought up to date, so it never explains itself with a claim or week that no
/// longer counts; one they reach on another day is revoked and reached anew on that day
/// (<see cref="MilestoneDifference"/>). The weeks it reads are the citizens' decided weeks, which every writer of
/// weekly reports keeps in step in its own transaction (status ingestion, erasure, a handover
/// that moves the follow-up's start).
/// </remarks>
public sealed class MilestoneRecalculation(OutcomeDbContext db, IClock clock)
{
    public sealed record Change(IReadOnlyList<Milestone> Reached, IReadOnlyList<Milestone> Revoked);

    /// <summary>
    /// Serialises every change to these citizens' facts for the rest of the transaction, so two
    /// changes never recompute the same citizen from different facts.
    /// </summary>
    public Task LockCitizensAsync(Guid partnershipId, IEnumerable<string> citizenIds, CancellationToken cancellationToken) =>
        LockCitizensAsync(citizenIds.Select(c => (partnershipId, c)), cancellationToken);

    /// <summary>The same for citizens of several partnerships, in one statement.</summary>
    public Task LockCitizensAsync(IEnumerable<(Guid PartnershipId, string CitizenId)> citizens, CancellationToken cancellationToken) =>
        AdvisoryLocks.LockAsync(db, citizens.Select(c => $"{c.PartnershipId}/{c.CitizenId}"), cancellationToken);

    /// <summary>Recomputes the citizens and stages the difference; <paramref name="cause"/> says which fact changed, who reported it and the day it is about, for revocations.</summary>
    /// <param name="citizensNow">
    /// The citizens as they stand after the caller's change, when the caller has read them
    /// already (status ingestion does, with their new decided weeks); otherwise they are read here.
    /// </param>
    public async Task<Change> RecalculateAsync(Guid partnershipId, IReadOnlyCollection<string> citizenIds, FactChange cause, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, FollowUpCitizen>? citizensNow = null)
    {
        await db.SaveChangesAsync(cancellationToken);
        var ids = citizenIds.Distinct().ToList();
        var definitions = await db.MilestoneDefinitions.AsNoTracking()
            .Where(d => d.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var stored = await db.Milestones.WithKeys("citizen_id", ids, partnershipId, alsoWhere: "revoked_at IS NULL")
            .ToListAsync(cancellationToken);
        if (definitions.Count == 0 && stored.Count == 0) return new Change([], []);

        var citizens = citizensNow ?? await db.FollowUpCitizens.WithKeys("citizen_id", ids, partnershipId).AsNoTracking()
            .ToDictionaryAsync(c => c.CitizenId, cancellationToken);
        // An erased citizen's facts are gone on purpose; its milestones stand as they were.
        ids.RemoveAll(id => citizens.TryGetValue(id, out var citizen) && citizen.ErasedOn is not null);
        var outcomes = (await db.Claims.WithKeys("citizen_id", ids, partnershipId).AsNoTracking()
            .Where(c => c.Status == ClaimStatus.Verified)
            .Select(c => new { c.CitizenId, Outcome = new MilestoneEngine.VerifiedOutcome(c.Id, c.Kind, c.OutcomeDate) })
            .ToListAsync(cancellationToken)).ToLookup(c => c.CitizenId, c => c.Outcome);
        var storedByCitizen = stored.ToLookup(m => m.CitizenId);

        var now = clock.GetCurrentInstant();
        var reached = new List<Milestone>();
        var revoked = new List<Milestone>();
        var announced = new List<OutboxMessage>();
        foreach (var citizenId in ids)
        {
            var citizen = citizens.GetValueOrDefault(citizenId);
            var facts = FactsOf(citizen, outcomes[citizenId].ToList());
            var difference = MilestoneDifference.Between(storedByCitizen[citizenId], facts is null ? [] : MilestoneEngine.Reach(definitions, facts));
            foreach (var (milestone, still) in difference.Kept)
            {
                milestone.BasisClaimIds = still.BasisClaimIds.ToList();
                milestone.BasisWeekStarts = still.BasisWeekStarts.ToList();
            }
            foreach (var (milestone, movedTo) in difference.Revoked)
            {
                var why = movedTo is null ? WhatTookItAway(milestone, definitions, citizen, facts) : WhatMovedIt(milestone, movedTo, facts!);
                milestone.Revoke(now, $"{cause.Words}: {why}", cause);
                announced.Add(OutboxExtensions.OutboxRow(new MilestoneRevoked
                {
                    MilestoneId = milestone.Id,
                    PartnershipId = partnershipId,
                    CitizenId = new Pseudonym(citizenId),
                    MilestoneCode = milestone.Code,
                    RevokedOn = milestone.RevokedOn!.Value.ToDateOnly(),
                    Reason = milestone.RevocationReason!,
                    EffectiveOn = milestone.EffectiveOn!.Value.ToDateOnly(),
                    Cause = new RevocationCause
                    {
                        Kind = milestone.CauseKind!,
                        Reference = milestone.CauseReference!,
                        ReportedBy = milestone.CauseReportedBy!,
                        KnownAt = now.ToDateTimeOffset(),
                    },
                }, now));
                revoked.Add(milestone);
            }
            foreach (var result in difference.Reached)
            {
                var milestone = new Milestone
                {
                    Id = Guid.CreateVersion7(),
                    PartnershipId = partnershipId,
                    CitizenId = citizenId,
                    Code = result.Code,
                    AchievedOn = result.AchievedOn,
                    BasisClaimIds = result.BasisClaimIds.ToList(),
                    BasisWeekStarts = result.BasisWeekStarts.ToList(),
                    RecordedAt = now,
                };
                reached.Add(milestone);
            }
        }
        announced.AddRange(Announced(partnershipId, reached).Select(e => OutboxExtensions.OutboxRow(e, now)));
        // The revocations are updates of tracked rows; the new milestones and every event go by
        // COPY, as a batch of statuses or new definitions may reach thousands at once.
        await db.SaveChangesAsync(cancellationToken);
        await MilestoneCopy.InsertAsync(db, reached, cancellationToken);
        await OutboxCopy.InsertAsync(db, announced, cancellationToken);
        return new Change(reached, revoked);
    }

    /// <summary>
    /// The milestones reached, announced together: one event per <see cref="MilestonesAchieved.MaxMilestones"/>
    /// instead of one each, so a status batch that reaches a thousand costs one outbox row, one
    /// publish and one delivery.
    /// </summary>
    public static IEnumerable<MilestonesAchieved> Announced(Guid partnershipId, IEnumerable<Milestone> reached) =>
        reached.Chunk(MilestonesAchieved.MaxMilestones).Select(chunk => new MilestonesAchieved
        {
            PartnershipId = partnershipId,
            Milestones = chunk.Select(m => new AchievedMilestone
            {
                MilestoneId = m.Id, CitizenId = new Pseudonym(m.CitizenId), MilestoneCode = m.Code, AchievedOn = m.AchievedOn.ToDateOnly(),
            }).ToList(),
        });

    /// <summary>What the milestone engine counts of a citizen: nothing once exited as wrongly enrolled, or unknown.</summary>
    public static MilestoneEngine.Facts? FactsOf(FollowUpCitizen? citizen, IReadOnlyCollection<MilestoneEngine.VerifiedOutcome> verifiedOutcomes) =>
        citizen is { WasWronglyEnrolled: false }
            ? new MilestoneEngine.Facts(citizen.Window, verifiedOutcomes, citizen.Weeks)
            : null;

    /// <summary>Why the facts no longer reach the milestone at all.</summary>
    private static string WhatTookItAway(Milestone milestone, List<MilestoneDefinition> definitions, FollowUpCitizen? citizen, MilestoneEngine.Facts? facts)
    {
        if (citizen is null || facts is null)
        {
            return citizen is { WasWronglyEnrolled: true }
                ? $"the citizen was exited as wrongly enrolled on {citizen.ExitDate:uuuu-MM-dd}, so nothing earned for the citizen stands"
                : "the citizen is no longer in follow-up";
        }
        if (definitions.All(d => d.Code != milestone.Code)) return $"the partnership no longer defines milestone {milestone.Code}";
        var lost = LostFacts(milestone, facts);
        return lost.Count > 0 ? string.Join("; ", lost) : "the facts no longer reach it under the partnership's definition";
    }

    /// <summary>Why the facts now reach the milestone on another day: what it rested on that no longer holds, and what it rests on now.</summary>
    private static string WhatMovedIt(Milestone milestone, MilestoneEngine.Reached movedTo, MilestoneEngine.Facts facts)
    {
        var why = new List<string> { $"its day moved from {milestone.AchievedOn:uuuu-MM-dd} to {movedTo.AchievedOn:uuuu-MM-dd}" };
        why.AddRange(LostFacts(milestone, facts));
        var added = movedTo.BasisClaimIds.Except(milestone.BasisClaimIds).Select(id => $"claim {id}").ToList();
        var weeks = movedTo.BasisWeekStarts.Except(milestone.BasisWeekStarts).Order().ToList();
        if (weeks.Count is > 0 and <= 3) added.AddRange(weeks.Select(WeekName));
        else if (weeks.Count > 3) added.Add($"{weeks.Count} weeks from {WeekName(weeks[0])} to {WeekName(weeks[^1])}");
        if (added.Count > 0) why.Add($"it rests now on {string.Join(", ", added)}");
        else if (movedTo.BasisClaimIds.Intersect(milestone.BasisClaimIds).Any()) why.Add($"claim {string.Join(", ", movedTo.BasisClaimIds)} is now dated {movedTo.AchievedOn:uuuu-MM-dd}");
        return string.Join("; ", why);
    }

    /// <summary>The facts the milestone rested on that no longer hold.</summary>
    private static List<string> LostFacts(Milestone milestone, MilestoneEngine.Facts facts)
    {
        var lost = new List<string>();
        var verified = facts.Outcomes.Where(o => facts.Window.Contains(o.Date)).Select(o => o.ClaimId).ToHashSet();
        lost.AddRange(milestone.BasisClaimIds.Where(id => !verified.Contains(id)).Select(id => $"claim {id} no longer counts as a verified outcome in the follow-up"));
        foreach (var weekStart in milestone.BasisWeekStarts)
        {
            if (!facts.Window.HasWeek(weekStart))
            {
                lost.Add($"{WeekName(weekStart)} is after the follow-up ended on {facts.Window.ObligationsEnd:uuuu-MM-dd}");
            }
            else if (facts.Weeks.In(weekStart) is { SelfSufficient: false } week)
            {
                lost.Add($"{WeekName(weekStart)} is now {week.Status} (by the {week.DecidedBy.ToString().ToLowerInvariant()})");
            }
        }
        if (milestone.AchievedOn >= facts.Window.ObligationsEnd) lost.Add($"it was reached on {milestone.AchievedOn:uuuu-MM-dd}, after the follow-up ended on {facts.Window.ObligationsEnd:uuuu-MM-dd}");
        return lost;
    }

    private static string WeekName(LocalDate weekStart) => $"week {FactChange.WeekName(weekStart)}";
}
