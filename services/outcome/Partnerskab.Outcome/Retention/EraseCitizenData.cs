using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Messaging.Inbox;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Persistence;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Outcome.Retention;

/// <summary>
/// The cohort service erased a citizen whose retention has passed: the weekly statuses (and their earlier versions), contacts and any comparison-group rows go, claims
/// and their history lose their evidence, employer and free text, and milestones the weeks they
/// rested on. What stays is what the counts and payment's ledger rest on: the follow-up window,
/// each claim's kind, date and status, each milestone's code and dates. The citizen is marked
/// erased so no later recomputation takes its milestones away for lack of the erased facts.
/// </summary>
public sealed class EraseCitizenData(OutcomeDbContext db, MilestoneRecalculation recalculation, KeptReads kept, IClock clock, ILogger<EraseCitizenData> logger)
    : InboxConsumer<CitizenDataErased, OutcomeDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<CitizenDataErased> context, CancellationToken cancellationToken)
    {
        var (partnershipId, citizenId) = (context.Message.PartnershipId, context.Message.CitizenId);
        await recalculation.LockCitizensAsync(partnershipId, [citizenId], cancellationToken);
        await Db.FollowUpCitizens.Where(c => c.PartnershipId == partnershipId && c.CitizenId == citizenId)
            .ExecuteUpdateAsync(c => c
                .SetProperty(x => x.ErasedOn, context.Message.ErasedOn.ToLocalDate())
                .SetProperty(x => x.DecidedWeekStatuses, Array.Empty<byte>()), cancellationToken);
        await Db.WeeklyStatusReports.Where(r => r.PartnershipId == partnershipId && r.CitizenId == citizenId)
            .ExecuteDeleteAsync(cancellationToken);
        await Db.SupersededStatusReports.Where(r => r.PartnershipId == partnershipId && r.CitizenId == citizenId)
            .ExecuteDeleteAsync(cancellationToken);
        await Db.Contacts.Where(c => c.PartnershipId == partnershipId && c.CitizenId == citizenId)
            .ExecuteDeleteAsync(cancellationToken);
        // Registered in the comparison group before the handover (the case leaves it out since).
        await Db.ComparisonRegistrations.Where(r => r.PartnershipId == partnershipId && r.CitizenId == citizenId)
            .ExecuteDeleteAsync(cancellationToken);
        await Db.ComparisonStatusReports.Where(r => r.PartnershipId == partnershipId && r.CitizenId == citizenId)
            .ExecuteDeleteAsync(cancellationToken);
        var claims = Db.Claims.Where(c => c.PartnershipId == partnershipId && c.CitizenId == citizenId);
        await Db.ClaimHistory.Where(h => claims.Any(c => c.Id == h.ClaimId))
            .ExecuteUpdateAsync(h => h
                .SetProperty(x => x.Reason, "")
                .SetProperty(x => x.EmployerCvr, "")
                .SetProperty(x => x.EvidenceReference, ""), cancellationToken);
        await claims.ExecuteUpdateAsync(c => c
            .SetProperty(x => x.EmployerCvr, "")
            .SetProperty(x => x.EvidenceReference, "")
            .SetProperty(x => x.DecisionReason, (string?)null), cancellationToken);
        await Db.Milestones.Where(m => m.PartnershipId == partnershipId && m.CitizenId == citizenId)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.BasisWeekStarts, new List<LocalDate>()), cancellationToken);
        // Without its weeks and contacts the citizen's checkpoints are unmet again.
        await kept.KeepStoredAsync([(partnershipId, citizenId)], FactsChanged.All, cancellationToken);
    }
}
