using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Messaging.Inbox;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Outcome.Timeline;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Outcome.FollowUp;

/// <summary>A citizen handed over to a provider starts the 24-month (or agreed) follow-up here.</summary>
public sealed class OpenFollowUpOnHandover(
    OutcomeDbContext db, MilestoneRecalculation recalculation, IClock clock, ILogger<OpenFollowUpOnHandover> logger)
    : InboxConsumer<CitizenHandedOver, OutcomeDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<CitizenHandedOver> context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        // A verification or an exit may open the follow-up first; the lock makes that one of them wins cleanly.
        await recalculation.LockCitizensAsync(message.PartnershipId, [message.CitizenId], cancellationToken);
        var known = await Db.FollowUpCitizens.FirstOrDefaultAsync(
            c => c.PartnershipId == message.PartnershipId && c.CitizenId == message.CitizenId, cancellationToken);
        if (known is null)
        {
            known = new FollowUpCitizen { PartnershipId = message.PartnershipId, CitizenId = message.CitizenId };
            Db.FollowUpCitizens.Add(known);
        }
        else if (known.FollowUpStart != message.FollowUpStart.ToLocalDate())
        {
            await DecidedWeeksStore.RefreshAsync(Db, message.PartnershipId, message.CitizenId, message.FollowUpStart.ToLocalDate(), cancellationToken);
        }
        known.FollowUpStart = message.FollowUpStart.ToLocalDate();
        known.FollowUpEnd = message.FollowUpEnd.ToLocalDate();
    }
}
