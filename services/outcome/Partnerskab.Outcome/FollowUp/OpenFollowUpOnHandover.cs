using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Messaging.Inbox;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Outcome.Timeline;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Outcome.FollowUp;

/// <summary>A citizen handed over to a provider starts the 24-month (or agreed) follow-up here.</summary>
/// <remarks>
/// A batch's citizens are locked and read with one statement each; a verification or an exit
/// may open a follow-up first, and the lock makes that one of them wins cleanly.
/// </remarks>
public sealed class OpenFollowUpOnHandover(
    OutcomeDbContext db, MilestoneRecalculation recalculation, KeptReads kept, IClock clock, ILogger<OpenFollowUpOnHandover> logger)
    : InboxConsumer<CitizenHandedOver, OutcomeDbContext>(db, clock, logger)
{
    private Dictionary<(Guid PartnershipId, string CitizenId), FollowUpCitizen> known = [];

    protected override bool SavesOncePerBatch => true;

    protected override async Task SaveAsync(CancellationToken cancellationToken)
    {
        await base.SaveAsync(cancellationToken);
        await kept.KeepStoredAsync(known.Keys, FactsChanged.Window, cancellationToken);
    }

    protected override async Task PrepareAsync(IReadOnlyList<ConsumeContext<CitizenHandedOver>> messages, CancellationToken cancellationToken)
    {
        known = [];
        await recalculation.LockCitizensAsync(messages.Select(m => (m.Message.PartnershipId, m.Message.CitizenId.Value)), cancellationToken);
        foreach (var partnership in messages.Select(m => m.Message).GroupBy(m => m.PartnershipId))
        {
            var ids = partnership.Select(m => m.CitizenId.Value);
            foreach (var citizen in await Db.FollowUpCitizens.WithKeys("citizen_id", ids, partnership.Key).ToListAsync(cancellationToken))
            {
                known[(citizen.PartnershipId, citizen.CitizenId)] = citizen;
            }
        }
    }

    protected override async Task HandleAsync(ConsumeContext<CitizenHandedOver> context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var start = message.FollowUpStart.ToLocalDate();
        if (!known.TryGetValue((message.PartnershipId, message.CitizenId), out var citizen))
        {
            citizen = new FollowUpCitizen { PartnershipId = message.PartnershipId, CitizenId = message.CitizenId, RecordedAt = Clock.GetCurrentInstant() };
            Db.FollowUpCitizens.Add(citizen);
            known[(message.PartnershipId, message.CitizenId)] = citizen;
        }
        else if (citizen.FollowUpStart != start)
        {
            await MoveFollowUpAsync(citizen, start, message.FollowUpEnd.ToLocalDate(), cancellationToken);
            return;
        }
        citizen.FollowUpStart = start;
        citizen.FollowUpEnd = message.FollowUpEnd.ToLocalDate();
    }

    /// <summary>
    /// A corrected handover date moves the window: the decided weeks are counted from the new
    /// start and the milestones recomputed over it, a milestone the move takes away revoked with
    /// the handover as its cause.
    /// </summary>
    private async Task MoveFollowUpAsync(FollowUpCitizen citizen, LocalDate start, LocalDate end, CancellationToken cancellationToken)
    {
        var before = citizen.FollowUpStart;
        await DecidedWeeksStore.RefreshAsync(Db, citizen.PartnershipId, citizen.CitizenId, start, cancellationToken);
        citizen.FollowUpStart = start;
        citizen.FollowUpEnd = end;
        await recalculation.RecalculateAsync(citizen.PartnershipId, [citizen.CitizenId],
            FactChange.Handover(before, start, $"the handover date moved from {before:uuuu-MM-dd} to {start:uuuu-MM-dd}"), cancellationToken);
    }
}
