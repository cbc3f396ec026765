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
    protected override async Task HandleAsync(ConsumeContext<MilestoneAchieved> context, CancellationToken cancellationToken)
    {
        var milestone = context.Message;
        var earnedOn = milestone.AchievedOn.ToLocalDate();
        var priced = Pricing.Milestone(await RateCardsAsync(milestone.PartnershipId, cancellationToken), milestone.MilestoneCode, earnedOn);
        await RecordAsync(NewItem(milestone.PartnershipId, milestone.CitizenId, LedgerItemKind.Milestone, $"milestone:{milestone.MilestoneId}",
            context, earnedOn, priced, milestone.MilestoneCode), cancellationToken);
    }
}
