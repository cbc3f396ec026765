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

/// <summary>Citizens handed over to a provider start the 24-month (or agreed) follow-up here, whichever event announced them.</summary>
/// <remarks>
/// A transaction's citizens are locked and read with one statement each; a verification or an
/// exit may open a follow-up first, and the lock makes that one of them wins cleanly.
/// </remarks>
public abstract class FollowUpOpening<TMessage>(
    OutcomeDbContext db, MilestoneRecalculation recalculation, KeptReads kept, IClock clock, ILogger logger)
    : InboxConsumer<TMessage, OutcomeDbContext>(db, clock, logger)
    where TMessage : class
{
    private Dictionary<(Guid PartnershipId, string CitizenId), FollowUpCitizen> known = [];
    /// <summary>Citizens new to this service, written together by COPY (<see cref="FollowUpCitizenCopy"/>) rather than tracked one by one.</summary>
    private List<FollowUpCitizen> added = [];

    /// <summary>The citizens the message hands over, as a batch.</summary>
    protected abstract CitizensHandedOver HandedOver(TMessage message);

    protected override int ItemsOf(TMessage message) => HandedOver(message).Citizens.Count;

    protected override bool SavesOncePerBatch => true;

    protected override async Task SaveAsync(CancellationToken cancellationToken)
    {
        var written = added;
        await base.SaveAsync(cancellationToken);
        await WriteAddedAsync(track: false, cancellationToken);
        // A new citizen stands as just written, so its counts are kept from these values; one known before
        // (or moved in this transaction) may have changed in the database (its decided weeks), so it is read.
        await kept.KeepAsync(written, FactsChanged.Window, cancellationToken);
        var fresh = written.Select(c => (c.PartnershipId, c.CitizenId)).ToHashSet();
        await kept.KeepStoredAsync(known.Keys.Where(k => !fresh.Contains(k)), FactsChanged.Window, cancellationToken);
    }

    protected override async Task PrepareAsync(IReadOnlyList<ConsumeContext<TMessage>> messages, CancellationToken cancellationToken)
    {
        (known, added) = ([], []);
        var batches = messages.Select(m => HandedOver(m.Message)).ToList();
        await recalculation.LockCitizensAsync(batches.SelectMany(b => b.Citizens.Select(c => (b.PartnershipId, c.CitizenId.Value))), cancellationToken);
        foreach (var partnership in batches.GroupBy(b => b.PartnershipId))
        {
            var ids = partnership.SelectMany(b => b.Citizens).Select(c => c.CitizenId.Value);
            foreach (var citizen in await Db.FollowUpCitizens.WithKeys("citizen_id", ids, partnership.Key).ToListAsync(cancellationToken))
            {
                known[(citizen.PartnershipId, citizen.CitizenId)] = citizen;
            }
        }
    }

    protected override async Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken)
    {
        var batch = HandedOver(context.Message);
        foreach (var handedOver in batch.Citizens) await OpenAsync(batch.PartnershipId, handedOver, cancellationToken);
    }

    private async Task OpenAsync(Guid partnershipId, HandedOverCitizen handedOver, CancellationToken cancellationToken)
    {
        var start = handedOver.FollowUpStart.ToLocalDate();
        if (!known.TryGetValue((partnershipId, handedOver.CitizenId), out var citizen))
        {
            citizen = new FollowUpCitizen { PartnershipId = partnershipId, CitizenId = handedOver.CitizenId, RecordedAt = Clock.GetCurrentInstant() };
            added.Add(citizen);
            known[(partnershipId, handedOver.CitizenId)] = citizen;
        }
        else if (citizen.FollowUpStart != start)
        {
            // Handed over twice in one transaction: the new rows so far are written and tracked, so the move finds it stored, as across two.
            if (added.Contains(citizen)) await WriteAddedAsync(track: true, cancellationToken);
            await MoveFollowUpAsync(citizen, start, handedOver.FollowUpEnd.ToLocalDate(), cancellationToken);
            return;
        }
        citizen.FollowUpStart = start;
        citizen.FollowUpEnd = handedOver.FollowUpEnd.ToLocalDate();
    }

    /// <param name="track">Later changes in the transaction are to be saved by EF.</param>
    private async Task WriteAddedAsync(bool track, CancellationToken cancellationToken)
    {
        await FollowUpCitizenCopy.InsertAsync(Db, added, cancellationToken);
        if (track) Db.FollowUpCitizens.AttachRange(added);
        added = [];
    }

    /// <summary>
    /// A corrected handover date moves the window: the window it replaces is kept with when it
    /// stopped being current, the decided weeks are counted from the new start and the milestones
    /// recomputed over it, a milestone the move takes away revoked with the handover as its cause.
    /// </summary>
    private async Task MoveFollowUpAsync(FollowUpCitizen citizen, LocalDate start, LocalDate end, CancellationToken cancellationToken)
    {
        var before = citizen.FollowUpStart;
        var now = Clock.GetCurrentInstant();
        Db.SupersededFollowUpWindows.Add(new SupersededFollowUpWindow
        {
            PartnershipId = citizen.PartnershipId, CitizenId = citizen.CitizenId, FollowUpStart = citizen.FollowUpStart, FollowUpEnd = citizen.FollowUpEnd,
            RecordedAt = citizen.WindowRecordedAt ?? citizen.RecordedAt, SupersededAt = now,
        });
        await DecidedWeeksStore.RefreshAsync(Db, citizen.PartnershipId, citizen.CitizenId, start, cancellationToken);
        citizen.FollowUpStart = start;
        citizen.FollowUpEnd = end;
        citizen.WindowRecordedAt = now;
        await recalculation.RecalculateAsync(citizen.PartnershipId, [citizen.CitizenId],
            FactChange.Handover(before, start, $"the handover date moved from {before:uuuu-MM-dd} to {start:uuuu-MM-dd}"), cancellationToken);
    }
}
