using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Payment.Costs;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment;

public sealed partial class PaymentGrpcService
{
    public override async Task<GetPartnershipCostResponse> GetPartnershipCost(GetPartnershipCostRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        v.ThrowIfInvalid();

        // Summed per day in the database, per year here: NodaTime's LocalDate.Year is not translated to SQL.
        var perDay = await db.Ledger.AsNoTracking()
            .Where(i => i.PartnershipId == partnershipId)
            .GroupBy(i => i.EarnedOn)
            .Select(g => new { EarnedOn = g.Key, AmountOre = g.Sum(i => i.AmountOre), Items = g.Count() })
            .ToListAsync(context.CancellationToken);
        var years = CostReport.ByYear(perDay.Select(d => (d.EarnedOn.Year, d.AmountOre)));

        var response = new GetPartnershipCostResponse
        {
            PartnershipId = partnershipId.ToString(),
            TotalEarnedOre = years.Sum(y => y.EarnedOre),
            LedgerItems = perDay.Sum(d => d.Items),
        };
        response.Years.AddRange(years.Select(y => new YearCost { Year = y.Year, EarnedOre = y.EarnedOre }));
        return response;
    }
}
