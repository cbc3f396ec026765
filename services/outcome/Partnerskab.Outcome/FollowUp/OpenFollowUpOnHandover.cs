using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Messaging.Inbox;
using Partnerskab.Outcome.Persistence;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Outcome.FollowUp;

/// <summary>A citizen handed over to a provider starts the 24-month (or agreed) follow-up here.</summary>
public sealed class OpenFollowUpOnHandover(OutcomeDbContext db, IClock clock, ILogger<OpenFollowUpOnHandover> logger)
    : InboxConsumer<CitizenHandedOver, OutcomeDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<CitizenHandedOver> context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var known = await Db.FollowUpCitizens.FirstOrDefaultAsync(
            c => c.PartnershipId == message.PartnershipId && c.CitizenId == message.CitizenId, cancellationToken);
        if (known is null)
        {
            known = new FollowUpCitizen { PartnershipId = message.PartnershipId, CitizenId = message.CitizenId };
            Db.FollowUpCitizens.Add(known);
        }
        known.FollowUpStart = message.FollowUpStart.ToLocalDate();
        known.FollowUpEnd = message.FollowUpEnd.ToLocalDate();
    }
}
