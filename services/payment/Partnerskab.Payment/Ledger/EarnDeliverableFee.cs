using MassTransit;
using NodaTime;
using Partnerskab.Contracts.Outcome;
using Partnerskab.Payment.Persistence;
using Partnerskab.Payment.RateCards;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Payment.Ledger;

/// <summary>A learning-track deliverable earns its fee per unit on the rate card in force on the day it was completed.</summary>
public sealed class EarnDeliverableFee(PaymentDbContext db, IClock clock, ILogger<EarnDeliverableFee> logger)
    : LedgerConsumer<DeliverableCompleted>(db, clock, logger)
{
    protected override Task HandleAsync(ConsumeContext<DeliverableCompleted> context, CancellationToken cancellationToken)
    {
        var deliverable = context.Message;
        var earnedOn = deliverable.CompletedOn.ToLocalDate();
        var causeKey = $"deliverable:{deliverable.DeliverableId}";
        return EarnAsync(context, deliverable.PartnershipId, causeKey, versions => new Earning(deliverable.PartnershipId, null,
            LedgerItemKind.DeliverableFee, deliverable.Kind, causeKey, earnedOn, Pricing.InForce(versions, earnedOn),
            Pricing.Deliverable(versions, deliverable.Kind, deliverable.Quantity, earnedOn)), cancellationToken);
    }
}
