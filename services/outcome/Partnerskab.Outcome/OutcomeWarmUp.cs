using Microsoft.EntityFrameworkCore;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Hosting;
using Rpc = Partnerskab.Protos.Outcome.V1.OutcomeService.OutcomeServiceBase;

namespace Partnerskab.Outcome;

/// <summary>The reads callers make most, run on a citizen in follow-up here (any will do) before the service reports ready.</summary>
public sealed class OutcomeWarmUp(OutcomeDbContext db) : IWarmUp
{
    public async Task RunAsync(WarmUpCalls calls)
    {
        var sample = await db.FollowUpCitizens.AsNoTracking()
            .Select(c => new { c.PartnershipId, c.CitizenId }).FirstOrDefaultAsync(calls.CancellationToken);
        var partnershipId = (sample?.PartnershipId ?? Guid.NewGuid()).ToString();
        var citizenId = sample?.CitizenId ?? WarmUpCalls.NoCitizen;

        await calls.ReadAsync(nameof(Rpc.GetTimeline), new GetTimelineRequest { PartnershipId = partnershipId, CitizenId = citizenId });
        await calls.ReadAsync(nameof(Rpc.GetFollowUpSchedule), new GetFollowUpScheduleRequest { PartnershipId = partnershipId, CitizenId = citizenId });
        await calls.ReadAsync(nameof(Rpc.GetWorklist), new GetWorklistRequest { PartnershipId = partnershipId });
        // Of a partnership without citizens here, the report asks the cohort service whether it exists: a call in its audit log.
        if (sample is null) return;
        await calls.ReadAsync(nameof(Rpc.GetCommitteeReport), new GetCommitteeReportRequest { PartnershipId = partnershipId });
    }
}
