using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Persistence;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment.Investments;

/// <summary>The investor's cash flows of a partnership dated by a date, in date order.</summary>
public sealed class ListInvestorCashFlowsHandler(PaymentDbContext db)
{
    public async Task<ListInvestorCashFlowsResponse> HandleAsync(ListInvestorCashFlowsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        LocalDate? asOf = request.AsOf is null ? null : v.Date(request.AsOf, "as_of");
        v.ThrowIfInvalid();

        var cashFlows = await db.InvestorCashFlows.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && (asOf == null || c.OccurredOn <= asOf))
            .OrderBy(c => c.OccurredOn).ThenBy(c => c.RecordedAt).ThenBy(c => c.Id)
            .ToListAsync(context.CancellationToken);
        var response = new ListInvestorCashFlowsResponse();
        response.CashFlows.AddRange(cashFlows.Select(InvestorCashFlowMessages.ToProto));
        return response;
    }
}
