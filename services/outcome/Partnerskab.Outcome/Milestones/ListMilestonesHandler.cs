using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Outcome.History;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Outcome.Milestones;

/// <summary>A partnership's milestones, standing and revoked, or one citizen's; as known now or on a past day.</summary>
public sealed class ListMilestonesHandler(OutcomeDbContext db, IClock clock)
{
    public async Task<ListMilestonesResponse> HandleAsync(ListMilestonesRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var citizenId = request.CitizenId.Length > 0 ? CitizenPseudonym.Valid(v, request.CitizenId) : null;
        var knownOn = KnownOn.Valid(v, request.KnownOn, clock);
        v.ThrowIfInvalid();

        List<Milestone> milestones;
        if (knownOn is { } known)
        {
            milestones = await KnownFacts.MilestonesAsync(db, partnershipId, citizenId, known, context.CancellationToken);
        }
        else
        {
            var query = db.Milestones.AsNoTracking().Where(m => m.PartnershipId == partnershipId);
            if (citizenId is not null) query = query.Where(m => m.CitizenId == citizenId);
            milestones = await query.ToListAsync(context.CancellationToken);
        }
        milestones = [.. milestones.OrderBy(m => m.AchievedOn).ThenBy(m => m.Id)];
        AuditCall.Citizens(partnershipId, milestones.Select(m => m.CitizenId));
        var response = new ListMilestonesResponse();
        response.Milestones.AddRange(milestones.Select(MilestoneProtos.ToProto));
        return response;
    }
}
