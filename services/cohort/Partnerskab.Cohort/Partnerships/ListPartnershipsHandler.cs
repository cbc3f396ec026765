using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Cohort.Partnerships;

/// <summary>The partnerships the caller may act for, by reference, optionally one kommune's.</summary>
public sealed class ListPartnershipsHandler(CohortDbContext db)
{
    public async Task<ListPartnershipsResponse> HandleAsync(ListPartnershipsRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        if (request.KommuneCvr.Length > 0) validator.Digits(request.KommuneCvr, "kommune_cvr", 8);
        validator.ThrowIfInvalid();

        var caller = context.Caller();
        var query = db.Partnerships.AsNoTracking();
        if (request.KommuneCvr.Length > 0) query = query.Where(p => p.Terms.Kommune.Cvr == request.KommuneCvr);
        var partnerships = (await query.OrderBy(p => p.Reference).ToListAsync(context.CancellationToken))
            .Where(p => caller.MayActFor(p.Id)).ToList();

        var response = new ListPartnershipsResponse();
        response.Partnerships.AddRange(partnerships.Select(p => p.ToProto(p.PlacesTaken)));
        return response;
    }
}
