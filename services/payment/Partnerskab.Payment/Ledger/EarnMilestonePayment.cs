using MassTransit;
using NodaTime;
using Partnerskab.Contracts.Outcome;
using Partnerskab.Payment.Persistence;
using Partnerskab.Payment.RateCards;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Payment.Ledger;

/// <summary>A milestone reached earns its price on the rate card in force on the day it was reached.</summary>
public sealed class EarnMilestonePayment(PaymentDbContext db, IClock clock, ILogger<EarnMilestonePayment> logger)
    : LedgerConsumer<MilestoneAchieved>(db, clock, logger)
{
    public static string CauseKey(Guid milestoneId) => $"milestone:{milestoneId}";

    protected override Task HandleAsync(ConsumeContext<MilestoneAchieved> context, CancellationToken cancellationToken)
    {
        var milestone = context.Message;
        var earnedOn = milestone.AchievedOn.ToLocalDate();
        var causeKey = CauseKey(milestone.MilestoneId);
        return EarnAsync(context, milestone.PartnershipId, causeKey, versions => new Earning(milestone.PartnershipId, milestone.CitizenId,
            LedgerItemKind.Milestone, milestone.MilestoneCode, causeKey, earnedOn, Pricing.InForce(versions, earnedOn),
            Pricing.Milestone(versions, milestone.MilestoneCode, earnedOn)), cancellationToken);
    }
}
