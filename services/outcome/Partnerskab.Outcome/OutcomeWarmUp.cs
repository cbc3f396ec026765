using Microsoft.EntityFrameworkCore;
using Partnerskab.Outcome.Checkpoints;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Outcome.Reports;
using Partnerskab.Outcome.Timeline;
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

        await calls.ReadAsync(nameof(Rpc.GetTimeline), context =>
            calls.Handler<GetTimelineHandler>().HandleAsync(new GetTimelineRequest { PartnershipId = partnershipId, CitizenId = citizenId }, context));
        await calls.ReadAsync(nameof(Rpc.GetFollowUpSchedule), context =>
            calls.Handler<GetFollowUpScheduleHandler>().HandleAsync(new GetFollowUpScheduleRequest { PartnershipId = partnershipId, CitizenId = citizenId }, context));
        await calls.ReadAsync(nameof(Rpc.GetWorklist), context =>
            calls.Handler<GetWorklistHandler>().HandleAsync(new GetWorklistRequest { PartnershipId = partnershipId }, context));
        // Of a partnership without citizens here, the report asks the cohort service whether it exists: a call in its audit log.
        if (sample is null) return;
        await calls.ReadAsync(nameof(Rpc.GetCommitteeReport), context =>
            calls.Handler<GetCommitteeReportHandler>().HandleAsync(new GetCommitteeReportRequest { PartnershipId = partnershipId }, context));
    }
}
