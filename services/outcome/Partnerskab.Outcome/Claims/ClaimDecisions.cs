using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Persistence;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Outcome.Claims;

/// <summary>What the kommune's decisions on a claim share: finding it, locking it, checking its date and recording the step.</summary>
public sealed class ClaimDecisions(OutcomeDbContext db, FollowUpLookup followUps, MilestoneRecalculation recalculation, IClock clock)
{
    /// <summary>The claim, if it belongs to a partnership the caller may act for (see <see cref="Caller.EnsureMayActFor{T}"/>).</summary>
    public async Task<OutcomeClaim> FindAsync(Guid claimId, ServerCallContext context)
    {
        var claim = context.Caller().EnsureMayActFor(
            await db.Claims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == claimId, context.CancellationToken),
            c => c.PartnershipId, $"Claim {claimId} does not exist.");
        AuditCall.Citizen(claim.PartnershipId, claim.CitizenId);
        return claim;
    }

    /// <summary>Takes the citizen's lock (every change to the citizen's facts takes it) and reads the claim again under it, tracked.</summary>
    private async Task<OutcomeClaim> LockedAsync(OutcomeClaim claim, CancellationToken cancellationToken)
    {
        await recalculation.LockCitizensAsync(claim.PartnershipId, [claim.CitizenId], cancellationToken);
        return await db.Claims.FirstAsync(c => c.Id == claim.Id, cancellationToken);
    }

    /// <summary>
    /// The cohort service's answer that the outcome date is in the citizen's follow-up (not the
    /// local read model's: it alone is sure to know of exits, and a verification or correction is
    /// the moment money is decided); a date outside it is refused as every RPC refuses one.
    /// </summary>
    public async Task<CohortLookup.FollowUpAnswer> EnsureInFollowUpAsync(OutcomeClaim claim, LocalDate outcomeDate, CancellationToken cancellationToken)
    {
        var answer = await followUps.AskAsync(claim.PartnershipId, claim.CitizenId, outcomeDate, cancellationToken)
            ?? throw DomainException.FailedPrecondition($"The cohort service does not know citizen {claim.CitizenId} in partnership {claim.PartnershipId}.");
        if (!answer.InFollowUp)
        {
            var v = new RequestValidator();
            v.Add("outcome_date", answer.OutsideReason($"the outcome date {outcomeDate:uuuu-MM-dd}"));
            v.ThrowIfInvalid();
        }
        return answer;
    }

    /// <summary>Opens the citizen's follow-up from the cohort's answer if the handover event has not arrived; under the citizen's lock.</summary>
    public Task OpenFollowUpIfUnknownAsync(OutcomeClaim claim, CohortLookup.FollowUpAnswer answer, CancellationToken cancellationToken) =>
        followUps.OpenIfUnknownAsync(claim.PartnershipId, claim.CitizenId, answer, cancellationToken);

    /// <summary>
    /// Decides the step on the claim as it stands under the citizen's lock, in a transaction of its
    /// own, and records it when the claim moves: <paramref name="beforeMove"/> stages what goes with
    /// the move, then the claim's history keeps the step and the citizen's milestones are recomputed
    /// (a rejection changes no verified fact, so it reaches or revokes nothing). Returns the claim as
    /// it stands after, and what the step did to the milestones.
    /// </summary>
    /// <param name="context">The call: its caller is who reported the decision, for what it revokes.</param>
    public async Task<(OutcomeClaim Claim, MilestoneRecalculation.Change Change)> DecideAsync(OutcomeClaim claim, Func<OutcomeClaim, ClaimLifecycle.Decision> decide,
        string by, string? reason, ServerCallContext context, Func<OutcomeClaim, Task>? beforeMove = null)
    {
        var cancellationToken = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        claim = await LockedAsync(claim, cancellationToken);
        var change = new MilestoneRecalculation.Change([], []);
        if (Allowed(decide(claim), claim.Id) is ClaimLifecycle.Move move)
        {
            // The decision is about the outcome date the claim had: a correction moves it from there.
            var outcomeDate = claim.OutcomeDate;
            if (beforeMove is not null) await beforeMove(claim);
            claim.Status = move.To;
            db.ClaimHistory.Add(claim.Decide(move.Action, by, reason, clock.GetCurrentInstant()));
            var words = $"claim {claim.Id} {move.Action.ToString().ToLowerInvariant()} by {by}" + (reason is null ? "" : $" ({reason})");
            change = await recalculation.RecalculateAsync(claim.PartnershipId, [claim.CitizenId],
                FactChange.Claim(claim.Id, outcomeDate, FactChange.ReporterOf(context.Caller()), words), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return (claim, change);
    }

    /// <summary>The decision, unless it refuses the step: then FailedPrecondition, naming the claim.</summary>
    public static ClaimLifecycle.Decision Allowed(ClaimLifecycle.Decision decision, Guid claimId) =>
        decision is ClaimLifecycle.Refused refused ? throw DomainException.FailedPrecondition($"Claim {claimId} {refused.Why}") : decision;
}
