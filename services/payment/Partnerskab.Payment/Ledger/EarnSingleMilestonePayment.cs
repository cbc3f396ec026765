using NodaTime;
using Partnerskab.Contracts.Outcome;
using Partnerskab.Payment.Persistence;

namespace Partnerskab.Payment.Ledger;

/// <summary>
/// A milestone announced one to an event, as the outcome service did before it announced the
/// milestones of a transaction together: such an event written or queued before an upgrade earns
/// its payment as a batch of one.
/// </summary>
public sealed class EarnSingleMilestonePayment(PaymentDbContext db, IClock clock, ILogger<EarnSingleMilestonePayment> logger)
    : MilestonePaymentEarning<MilestoneAchieved>(db, clock, logger)
{
    /// <summary>The name these events' inbox rows were written under before the upgrade, so a redelivery of one is still recognised.</summary>
    protected override string InboxName => nameof(EarnMilestonePayment);

    protected override MilestonesAchieved Achieved(MilestoneAchieved message) => message.AsBatch();
}
