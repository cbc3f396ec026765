using MassTransit;
using NodaTime;
using Partnerskab.Contracts.Outcome;
using Partnerskab.Payment.Persistence;
using Partnerskab.Payment.RateCards;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Payment.Ledger;

/// <summary>A milestone reached earns its price on the rate card in force on the day it was reached, whichever event announced it.</summary>
public abstract class MilestonePaymentEarning<TMessage>(PaymentDbContext db, IClock clock, ILogger logger)
    : LedgerConsumer<TMessage>(db, clock, logger)
    where TMessage : class
{
    /// <summary>The milestones the message announces, as a batch.</summary>
    protected abstract MilestonesAchieved Achieved(TMessage message);

    protected override int ItemsOf(TMessage message) => Achieved(message).Milestones.Count;

    protected override IEnumerable<(Guid, string?, string)> CausesOf(TMessage message)
    {
        var batch = Achieved(message);
        return batch.Milestones.Select(m => (batch.PartnershipId, (string?)m.CitizenId.Value, EarnMilestonePayment.CauseKey(m.MilestoneId)));
    }

    protected override Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken)
    {
        var batch = Achieved(context.Message);
        foreach (var milestone in batch.Milestones)
        {
            var earnedOn = milestone.AchievedOn.ToLocalDate();
            Earn(context, batch.PartnershipId, versions => new Earning(batch.PartnershipId, milestone.CitizenId,
                LedgerItemKind.Milestone, milestone.MilestoneCode, EarnMilestonePayment.CauseKey(milestone.MilestoneId), earnedOn,
                Pricing.InForce(versions, earnedOn), Pricing.Milestone(versions, milestone.MilestoneCode, earnedOn)));
        }
        return Task.CompletedTask;
    }
}
