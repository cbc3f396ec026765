using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Cohort.Partnerships;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Cohort.Queries;

/// <summary>How many of a partnership's citizens are in each status on a day, from the kept day counts.</summary>
public sealed class CountCitizensHandler(CohortDbContext db, IClock clock)
{
    public async Task<CountCitizensResponse> HandleAsync(CountCitizensRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var asOf = request.AsOf is null ? clock.Today() : v.Date(request.AsOf, "as_of");
        v.ThrowIfInvalid();

        await PartnershipStore.FindAsync(db, partnershipId, context.CancellationToken);
        var kinds = await db.CitizenStatusDays
            .Where(d => d.PartnershipId == partnershipId)
            .GroupBy(d => d.Kind)
            .Select(g => new { Kind = g.Key, All = g.Sum(d => d.Citizens), ByDay = g.Sum(d => d.Day <= asOf ? d.Citizens : 0) })
            .ToDictionaryAsync(k => k.Kind, context.CancellationToken);
        int All(StatusDayKind kind) => kinds.TryGetValue(kind, out var k) ? k.All : 0;
        int ByDay(StatusDayKind kind) => kinds.TryGetValue(kind, out var k) ? k.ByDay : 0;

        var counts = StatusCounts.On(
            citizens: All(StatusDayKind.FollowUpEnded),
            ended: ByDay(StatusDayKind.FollowUpEnded),
            exited: ByDay(StatusDayKind.Exited),
            endedAndExited: ByDay(StatusDayKind.EndedAndExited));
        var response = new CountCitizensResponse();
        foreach (var (status, count) in counts.OrderBy(c => c.Key))
        {
            response.Counts.Add(new StatusCount { Status = (Protos.Cohort.V1.CitizenStatus)(int)status, Citizens = count });
            response.Total += count;
        }
        return response;
    }
}
