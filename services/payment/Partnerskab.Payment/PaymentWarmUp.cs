using Microsoft.EntityFrameworkCore;
using Partnerskab.Payment.Persistence;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Hosting;
using Rpc = Partnerskab.Protos.Payment.V1.PaymentService.PaymentServiceBase;

namespace Partnerskab.Payment;

/// <summary>The reads callers make most, run on a partnership the service holds before it reports ready.</summary>
public sealed class PaymentWarmUp(PaymentDbContext db) : IWarmUp
{
    public async Task RunAsync(WarmUpCalls calls)
    {
        var partnershipId = (await SampleAsync(db, calls.CancellationToken) ?? Guid.NewGuid()).ToString();

        await calls.ReadAsync(nameof(Rpc.GetPartnershipCost), new GetPartnershipCostRequest { PartnershipId = partnershipId });
        await calls.ReadAsync(nameof(Rpc.GetLedger), new GetLedgerRequest { PartnershipId = partnershipId });
        await calls.ReadAsync(nameof(Rpc.ListInvoices), new ListInvoicesRequest { PartnershipId = partnershipId });
    }

    /// <summary>
    /// A partnership with a rate card and ledger items if there is one, so the reads go the whole
    /// way (prices, caps, the room under each citizen's cap), not the short way of a partnership
    /// with nothing booked; else any partnership the service holds.
    /// </summary>
    public static async Task<Guid?> SampleAsync(PaymentDbContext db, CancellationToken cancellationToken) =>
        await db.RateCards.AsNoTracking().Where(c => db.LedgerDayTotals.Any(t => t.PartnershipId == c.PartnershipId))
            .Select(c => (Guid?)c.PartnershipId).FirstOrDefaultAsync(cancellationToken)
        ?? await db.Partnerships.AsNoTracking().Select(p => (Guid?)p.PartnershipId).FirstOrDefaultAsync(cancellationToken);
}
