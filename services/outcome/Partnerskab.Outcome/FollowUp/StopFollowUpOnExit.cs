using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Messaging.Inbox;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Persistence;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Outcome.FollowUp;

/// <summary>
/// A citizen exited: follow-up stops on the exit date, so later statuses and claims are
/// refused, and the citizen's milestones are recomputed over the shortened window. A citizen
/// exited as wrongly enrolled was never in follow-up: every milestone is revoked.
/// </summary>
public sealed class StopFollowUpOnExit(
    OutcomeDbContext db, FollowUpLookup followUps, MilestoneRecalculation recalculation, KeptReads kept, IClock clock, ILogger<StopFollowUpOnExit> logger)
    : InboxConsumer<CitizenExited, OutcomeDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<CitizenExited> context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        await recalculation.LockCitizensAsync(message.PartnershipId, [message.CitizenId], cancellationToken);
        var citizen = await Db.FollowUpCitizens.FirstOrDefaultAsync(
            c => c.PartnershipId == message.PartnershipId && c.CitizenId == message.CitizenId, cancellationToken);
        // The exit may overtake the handover event; the cohort service knows the window.
        citizen ??= await followUps.OpenFromCohortAsync(message.PartnershipId, message.CitizenId, message.ExitDate.ToLocalDate(), cancellationToken)
            ?? throw new InvalidOperationException($"The cohort service does not know exited citizen {message.CitizenId} of partnership {message.PartnershipId}.");
        citizen.ExitDate = message.ExitDate.ToLocalDate();
        citizen.ExitReason = message.Reason;
        citizen.ExitRecordedAt = Clock.GetCurrentInstant();
        await recalculation.RecalculateAsync(message.PartnershipId, [message.CitizenId],
            FactChange.Exit(citizen.ExitDate.Value, $"the citizen exited on {citizen.ExitDate:uuuu-MM-dd} ({message.Reason})"), cancellationToken);
        await kept.KeepAsync([citizen], FactsChanged.Window, cancellationToken);
    }
}
