using MassTransit;
using NodaTime;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Payment.Persistence;
using Partnerskab.Payment.RateCards;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Payment.Ledger;

/// <summary>Each citizen handed over earns the provider the rate card's fee per citizen, whichever event announced the citizen.</summary>
public abstract class HandoverFeeEarning<TMessage>(PaymentDbContext db, IClock clock, ILogger logger)
    : LedgerConsumer<TMessage>(db, clock, logger)
    where TMessage : class
{
    /// <summary>The citizens the message hands over, as a batch.</summary>
    protected abstract CitizensHandedOver HandedOver(TMessage message);

    protected override int ItemsOf(TMessage message) => HandedOver(message).Citizens.Count;

    protected override IEnumerable<(Guid, string?, string)> CausesOf(TMessage message)
    {
        var batch = HandedOver(message);
        return batch.Citizens.Select(c => (batch.PartnershipId, (string?)c.CitizenId.Value, EarnHandoverFee.CauseKey(batch.PartnershipId, c.CitizenId)));
    }

    protected override Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken)
    {
        var batch = HandedOver(context.Message);
        foreach (var citizen in batch.Citizens)
        {
            var earnedOn = citizen.HandoverDate.ToLocalDate();
            Earn(context, batch.PartnershipId, versions => new Earning(batch.PartnershipId, citizen.CitizenId, LedgerItemKind.HandoverFee, null,
                EarnHandoverFee.CauseKey(batch.PartnershipId, citizen.CitizenId), earnedOn, Pricing.InForce(versions, earnedOn), Pricing.HandoverFee(versions, earnedOn)));
        }
        return Task.CompletedTask;
    }
}
