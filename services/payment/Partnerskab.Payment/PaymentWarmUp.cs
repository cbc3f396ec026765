using Microsoft.EntityFrameworkCore;
using Partnerskab.Payment.Costs;
using Partnerskab.Payment.Invoicing;
using Partnerskab.Payment.Ledger;
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

        await calls.ReadAsync(nameof(Rpc.GetPartnershipCost), context =>
            calls.Handler<GetPartnershipCostHandler>().HandleAsync(new GetPartnershipCostRequest { PartnershipId = partnershipId }, context));
        await calls.ReadAsync(nameof(Rpc.GetLedger), context =>
            calls.Handler<GetLedgerHandler>().HandleAsync(new GetLedgerRequest { PartnershipId = partnershipId }, context));
        await calls.ReadAsync(nameof(Rpc.ListInvoices), context =>
            calls.Handler<ListInvoicesHandler>().HandleAsync(new ListInvoicesRequest { PartnershipId = partnershipId }, context));
    }
}
