using NodaTime;
using Partnerskab.Contracts.Outcome;
using Partnerskab.Payment.Persistence;

namespace Partnerskab.Payment.Ledger;

/// <summary>Milestones reached together (in one transaction of the outcome service) earn their payments: one message, one inbox row, one transaction.</summary>
public sealed class EarnMilestonePayment(PaymentDbContext db, IClock clock, ILogger<EarnMilestonePayment> logger)
    : MilestonePaymentEarning<MilestonesAchieved>(db, clock, logger)
{
    public const string CauseKeyPrefix = "milestone:";

    public static string CauseKey(Guid milestoneId) => CauseKeyPrefix + milestoneId;

    protected override MilestonesAchieved Achieved(MilestonesAchieved message) => message;
}
