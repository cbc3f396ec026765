using Microsoft.EntityFrameworkCore;
using Partnerskab.Outcome.Persistence;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Outcome.Checkpoints;

/// <summary>A partnership's follow-up plan as stored, and as the API shows it.</summary>
public static class FollowUpPlans
{
    public static Task<FollowUpPlan?> StoredAsync(OutcomeDbContext db, Guid partnershipId, CancellationToken cancellationToken) =>
        db.FollowUpPlans.AsNoTracking().FirstOrDefaultAsync(p => p.PartnershipId == partnershipId, cancellationToken);

    /// <summary>The plan a schedule is judged by; FailedPrecondition while the kommune has set none.</summary>
    public static async Task<FollowUpPlan> RequiredAsync(OutcomeDbContext db, Guid partnershipId, CancellationToken cancellationToken) =>
        await StoredAsync(db, partnershipId, cancellationToken)
        ?? throw DomainException.FailedPrecondition($"Partnership {partnershipId} has no follow-up plan; the kommune sets one with SetFollowUpPlan.");

    public static Protos.Outcome.V1.FollowUpPlan ToProto(this FollowUpPlan p) => new()
    {
        ContactIntervalWeeks = p.ContactIntervalWeeks,
        StatusCheckpointMonths = { p.StatusCheckpointMonths },
        NoContactDays = p.NoContactDays,
    };
}
