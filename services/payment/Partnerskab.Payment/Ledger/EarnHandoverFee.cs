using MassTransit;
using NodaTime;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Payment.Persistence;
using Partnerskab.Payment.RateCards;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Payment.Ledger;

/// <summary>A citizen handed over earns the provider the rate card's fee per citizen.</summary>
public sealed class EarnHandoverFee(PaymentDbContext db, IClock clock, ILogger<EarnHandoverFee> logger)
    : LedgerConsumer<CitizenHandedOver>(db, clock, logger)
{
    protected override async Task HandleAsync(ConsumeContext<CitizenHandedOver> context, CancellationToken cancellationToken)
    {
        var handover = context.Message;
        var earnedOn = handover.HandoverDate.ToLocalDate();
        var priced = Pricing.HandoverFee(await RateCardsAsync(handover.PartnershipId, cancellationToken), earnedOn);
        var causeKey = $"handover:{handover.PartnershipId}:{handover.CitizenId}";
        await RecordAsync(NewItem(handover.PartnershipId, handover.CitizenId, LedgerItemKind.HandoverFee, causeKey,
            context, earnedOn, priced), cancellationToken);
    }
}
