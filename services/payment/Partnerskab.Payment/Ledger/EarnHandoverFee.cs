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
    public static string CauseKey(Guid partnershipId, string citizenId) => $"handover:{partnershipId}:{citizenId}";

    protected override (Guid, string?, string)? CauseOf(CitizenHandedOver handover) =>
        (handover.PartnershipId, handover.CitizenId, CauseKey(handover.PartnershipId, handover.CitizenId));

    protected override Task HandleAsync(ConsumeContext<CitizenHandedOver> context, CancellationToken cancellationToken)
    {
        var handover = context.Message;
        var earnedOn = handover.HandoverDate.ToLocalDate();
        Earn(context, handover.PartnershipId, versions => new Earning(handover.PartnershipId, handover.CitizenId, LedgerItemKind.HandoverFee, null,
            CauseKey(handover.PartnershipId, handover.CitizenId), earnedOn, Pricing.InForce(versions, earnedOn), Pricing.HandoverFee(versions, earnedOn)));
        return Task.CompletedTask;
    }
}
