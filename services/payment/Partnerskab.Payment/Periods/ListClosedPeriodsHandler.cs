using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Payment.Persistence;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment.Periods;

/// <summary>A partnership's closed periods and years, the reopened ones too: by first day, then as closed.</summary>
public sealed class ListClosedPeriodsHandler(PaymentDbContext db)
{
    public async Task<ListClosedPeriodsResponse> HandleAsync(ListClosedPeriodsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        v.ThrowIfInvalid();

        var periods = await db.ClosedPeriods.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId)
            .OrderBy(c => c.Start).ThenBy(c => c.Kind).ThenBy(c => c.ClosedAt)
            .ToListAsync(context.CancellationToken);
        return new ListClosedPeriodsResponse { ClosedPeriods = { periods.Select(ClosedPeriods.ToProto) } };
    }
}
