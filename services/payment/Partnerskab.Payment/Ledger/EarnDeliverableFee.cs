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
    public static string CauseKey(Guid deliverableId) => $"deliverable:{deliverableId}";

    protected override IEnumerable<(Guid, string?, string)> CausesOf(DeliverableCompleted deliverable) =>
        [(deliverable.PartnershipId, null, CauseKey(deliverable.DeliverableId))];

    protected override Task HandleAsync(ConsumeContext<DeliverableCompleted> context, CancellationToken cancellationToken)
    {
        var deliverable = context.Message;
        var earnedOn = deliverable.CompletedOn.ToLocalDate();
        Earn(context, deliverable.PartnershipId, versions => new Earning(deliverable.PartnershipId, null,
            LedgerItemKind.DeliverableFee, deliverable.Kind, CauseKey(deliverable.DeliverableId), earnedOn, Pricing.InForce(versions, earnedOn),
            Pricing.Deliverable(versions, deliverable.Kind, deliverable.Quantity, earnedOn)));
        return Task.CompletedTask;
    }
}
