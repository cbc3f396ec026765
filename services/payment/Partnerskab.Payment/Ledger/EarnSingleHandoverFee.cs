using NodaTime;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Payment.Persistence;

namespace Partnerskab.Payment.Ledger;

/// <summary>
/// A handover announced one citizen to an event, as the cohort service did before it announced
/// batches: such an event written or queued before an upgrade earns its fee as a batch of one.
/// </summary>
public sealed class EarnSingleHandoverFee(PaymentDbContext db, IClock clock, ILogger<EarnSingleHandoverFee> logger)
    : HandoverFeeEarning<CitizenHandedOver>(db, clock, logger)
{
    /// <summary>The name these events' inbox rows were written under before the upgrade, so a redelivery of one is still recognised.</summary>
    protected override string InboxName => nameof(EarnHandoverFee);

    protected override CitizensHandedOver HandedOver(CitizenHandedOver message) => message.AsBatch();
}
