using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Persistence;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment.Investments;

/// <summary>The investor's position as of a date (<see cref="InvestorPosition"/>): validate, read, compute, map.</summary>
public sealed class GetInvestorPositionHandler(PaymentDbContext db, IClock clock)
{
    public async Task<GetInvestorPositionResponse> HandleAsync(GetInvestorPositionRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var asOf = request.AsOf is null ? clock.Today() : v.Date(request.AsOf, "as_of");
        v.ThrowIfInvalid();

        var cashFlows = await db.InvestorCashFlows.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.OccurredOn <= asOf).ToListAsync(context.CancellationToken);
        var position = InvestorPosition.AsOf(cashFlows, asOf);

        var response = new GetInvestorPositionResponse
        {
            PartnershipId = partnershipId.ToString(),
            AsOf = asOf.ToProto(),
            CommittedOre = position.CommittedOre,
            DrawnOre = position.DrawnOre,
            RepaidOre = position.RepaidOre,
            ReturnedOre = position.ReturnedOre,
            OutstandingOre = position.OutstandingOre,
            UndrawnOre = position.UndrawnOre,
            RateOfReturnStatus = (RateOfReturnStatus)position.RateOfReturn.Outcome,
            CashFlows = position.CashFlows,
            OutcomePaymentsOre = position.OutcomePaymentsOre,
        };
        if (position.MultipleTenThousandths is { } multiple) response.MultipleTenThousandths = multiple;
        if (position.RateOfReturn.Rate is { } rate) response.RateOfReturn = rate;
        if (position.RateOfReturn.Outcome == RateOfReturn.Outcome.SeveralRates) response.CandidateRates.AddRange(position.RateOfReturn.Candidates);
        return response;
    }
}
