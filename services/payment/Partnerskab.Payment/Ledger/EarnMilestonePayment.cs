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
    public const string CauseKeyPrefix = "milestone:";

    public static string CauseKey(Guid milestoneId) => CauseKeyPrefix + milestoneId;

    protected override IEnumerable<(Guid, string?, string)> CausesOf(MilestoneAchieved milestone) =>
        [(milestone.PartnershipId, milestone.CitizenId, CauseKey(milestone.MilestoneId))];

    protected override Task HandleAsync(ConsumeContext<MilestoneAchieved> context, CancellationToken cancellationToken)
    {
        var milestone = context.Message;
        var earnedOn = milestone.AchievedOn.ToLocalDate();
        Earn(context, milestone.PartnershipId, versions => new Earning(milestone.PartnershipId, milestone.CitizenId,
            LedgerItemKind.Milestone, milestone.MilestoneCode, CauseKey(milestone.MilestoneId), earnedOn, Pricing.InForce(versions, earnedOn),
            Pricing.Milestone(versions, milestone.MilestoneCode, earnedOn)));
        return Task.CompletedTask;
    }
}
