using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Cohort.Partnerships;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;
using CitizenStatus = Partnerskab.Cohort.Handover.CitizenStatus;

namespace Partnerskab.Cohort.Queries;

/// <summary>How many of a partnership's citizens are in each status on a day.</summary>
public sealed class CountCitizensHandler(CohortDbContext db, IClock clock)
{
    public async Task<CountCitizensResponse> HandleAsync(CountCitizensRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var asOf = request.AsOf is null ? clock.Today() : v.Date(request.AsOf, "as_of");
        v.ThrowIfInvalid();

        await PartnershipStore.FindAsync(db, partnershipId, context.CancellationToken);
        var citizens = db.Citizens.Where(c => c.PartnershipId == partnershipId);
        var response = new CountCitizensResponse();
        foreach (var status in Enum.GetValues<CitizenStatus>())
        {
            var count = await CitizenStatusQuery.WithStatus(citizens, status, asOf).CountAsync(context.CancellationToken);
            response.Counts.Add(new StatusCount { Status = (Protos.Cohort.V1.CitizenStatus)(int)status, Citizens = count });
            response.Total += count;
        }
        return response;
    }
}
