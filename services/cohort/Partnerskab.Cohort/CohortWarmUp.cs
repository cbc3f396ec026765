using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Hosting;
using Rpc = Partnerskab.Protos.Cohort.V1.CohortService.CohortServiceBase;

namespace Partnerskab.Cohort;

/// <summary>The reads callers make most, run on a citizen the service holds (any will do) before it reports ready.</summary>
public sealed class CohortWarmUp(CohortDbContext db, IClock clock) : IWarmUp
{
    public async Task RunAsync(WarmUpCalls calls)
    {
        var sample = await db.Citizens.AsNoTracking()
            .Select(c => new { c.PartnershipId, c.CitizenId }).FirstOrDefaultAsync(calls.CancellationToken);
        var partnershipId = (sample?.PartnershipId ?? Guid.NewGuid()).ToString();
        var citizenId = sample?.CitizenId ?? WarmUpCalls.NoCitizen;

        await calls.ReadAsync(nameof(Rpc.ListPartnerships), new ListPartnershipsRequest());
        await calls.ReadAsync(nameof(Rpc.GetPartnership), new GetPartnershipRequest { PartnershipId = partnershipId });
        await calls.ReadAsync(nameof(Rpc.GetCitizen), new GetCitizenRequest { PartnershipId = partnershipId, CitizenId = citizenId });
        await calls.ReadAsync(nameof(Rpc.GetFollowUpStatus), new GetFollowUpStatusRequest { PartnershipId = partnershipId, CitizenId = citizenId, OnDate = clock.Today().ToProto() });
        await calls.ReadAsync(nameof(Rpc.ListCitizens), new ListCitizensRequest { PartnershipId = partnershipId });
        await calls.ReadAsync(nameof(Rpc.CountCitizens), new CountCitizensRequest { PartnershipId = partnershipId });
    }
}
