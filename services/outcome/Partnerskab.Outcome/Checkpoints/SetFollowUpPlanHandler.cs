using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Outcome.Checkpoints;

/// <summary>The kommune sets how the provider must follow each citizen of a partnership.</summary>
public sealed class SetFollowUpPlanHandler(OutcomeDbContext db, CohortLookup cohort, KeptReads kept)
{
    public async Task<SetFollowUpPlanResponse> HandleAsync(SetFollowUpPlanRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var plan = request.Plan;
        if (plan is null)
        {
            v.Add("plan", "is required");
        }
        else
        {
            v.Check(plan.ContactIntervalWeeks is >= 1 and <= 26, "plan.contact_interval_weeks", "must be between 1 and 26 weeks");
            v.Check(plan.StatusCheckpointMonths.Count <= 20, "plan.status_checkpoint_months", "must hold at most 20 months");
            v.Check(plan.StatusCheckpointMonths.All(m => m is >= 1 and <= 120), "plan.status_checkpoint_months", "every month must be between 1 and 120");
            v.Check(plan.StatusCheckpointMonths.Zip(plan.StatusCheckpointMonths.Skip(1)).All(p => p.First < p.Second),
                "plan.status_checkpoint_months", "must be ascending without repeats");
            v.Check(plan.NoContactDays is >= 1 and <= 365, "plan.no_contact_days", "must be between 1 and 365 days");
        }
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        await cohort.EnsurePartnershipExistsAsync(partnershipId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.FollowUpPlans.FirstOrDefaultAsync(p => p.PartnershipId == partnershipId, cancellationToken);
        if (stored is null)
        {
            stored = new FollowUpPlan { PartnershipId = partnershipId };
            db.FollowUpPlans.Add(stored);
        }
        stored.ContactIntervalWeeks = plan!.ContactIntervalWeeks;
        stored.StatusCheckpointMonths = [.. plan.StatusCheckpointMonths];
        stored.NoContactDays = plan.NoContactDays;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await kept.RequestRebuildAsync(partnershipId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw DomainException.FailedPrecondition("The follow-up plan was set by another call at the same time; read it and try again.");
        }
        return new SetFollowUpPlanResponse { Plan = stored.ToProto() };
    }
}
