using Microsoft.EntityFrameworkCore;
using Partnerskab.Payment.Persistence;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Hosting;
using Rpc = Partnerskab.Protos.Payment.V1.PaymentService.PaymentServiceBase;

namespace Partnerskab.Payment;

/// <summary>The reads callers make most, run on a partnership the service holds (any will do) before it reports ready.</summary>
public sealed class PaymentWarmUp(PaymentDbContext db) : IWarmUp
{
    public async Task RunAsync(WarmUpCalls calls)
    {
        var sample = await db.Partnerships.AsNoTracking().Select(p => (Guid?)p.PartnershipId).FirstOrDefaultAsync(calls.CancellationToken);
        var partnershipId = (sample ?? Guid.NewGuid()).ToString();

        await calls.ReadAsync(nameof(Rpc.GetPartnershipCost), new GetPartnershipCostRequest { PartnershipId = partnershipId });
        await calls.ReadAsync(nameof(Rpc.GetLedger), new GetLedgerRequest { PartnershipId = partnershipId });
        await calls.ReadAsync(nameof(Rpc.ListInvoices), new ListInvoicesRequest { PartnershipId = partnershipId });
    }
}
