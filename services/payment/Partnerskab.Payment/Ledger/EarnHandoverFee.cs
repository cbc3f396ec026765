using NodaTime;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Payment.Persistence;

namespace Partnerskab.Payment.Ledger;

/// <summary>Citizens handed over together (an import batch, or one citizen) earn their handover fees: one message, one inbox row, one transaction.</summary>
public sealed class EarnHandoverFee(PaymentDbContext db, IClock clock, ILogger<EarnHandoverFee> logger)
    : HandoverFeeEarning<CitizensHandedOver>(db, clock, logger)
{
    public static string CauseKey(Guid partnershipId, string citizenId) => $"handover:{partnershipId}:{citizenId}";

    protected override CitizensHandedOver HandedOver(CitizensHandedOver message) => message;
}
