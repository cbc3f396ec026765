using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Cohort.Handover;
using Partnerskab.Cohort.Partnerships;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Cohort.Queries;
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

        await calls.ReadAsync(nameof(Rpc.ListPartnerships), context =>
            calls.Handler<ListPartnershipsHandler>().HandleAsync(new ListPartnershipsRequest(), context));
        await calls.ReadAsync(nameof(Rpc.GetPartnership), context =>
            calls.Handler<GetPartnershipHandler>().HandleAsync(new GetPartnershipRequest { PartnershipId = partnershipId }, context));
        await calls.ReadAsync(nameof(Rpc.GetCitizen), context =>
            calls.Handler<GetCitizenHandler>().HandleAsync(new GetCitizenRequest { PartnershipId = partnershipId, CitizenId = citizenId }, context));
        await calls.ReadAsync(nameof(Rpc.GetFollowUpStatus), context =>
            calls.Handler<GetFollowUpStatusHandler>().HandleAsync(new GetFollowUpStatusRequest { PartnershipId = partnershipId, CitizenId = citizenId, OnDate = clock.Today().ToProto() }, context));
        await calls.ReadAsync(nameof(Rpc.ListCitizens), context =>
            calls.Handler<ListCitizensHandler>().HandleAsync(new ListCitizensRequest { PartnershipId = partnershipId }, context));
        await calls.ReadAsync(nameof(Rpc.CountCitizens), context =>
            calls.Handler<CountCitizensHandler>().HandleAsync(new CountCitizensRequest { PartnershipId = partnershipId }, context));
    }
}
