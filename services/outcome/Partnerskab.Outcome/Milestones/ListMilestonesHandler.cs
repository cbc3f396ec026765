using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Outcome.Milestones;

/// <summary>A partnership's milestones, standing and revoked, or one citizen's.</summary>
public sealed class ListMilestonesHandler(OutcomeDbContext db)
{
    public async Task<ListMilestonesResponse> HandleAsync(ListMilestonesRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        if (request.CitizenId.Length > 0) CitizenPseudonym.Valid(v, request.CitizenId);
        v.ThrowIfInvalid();

        var query = db.Milestones.AsNoTracking().Where(m => m.PartnershipId == partnershipId);
        if (request.CitizenId.Length > 0) query = query.Where(m => m.CitizenId == request.CitizenId);
        var milestones = await query.OrderBy(m => m.AchievedOn).ThenBy(m => m.Id).ToListAsync(context.CancellationToken);
        AuditCall.Citizens(partnershipId, milestones.Select(m => m.CitizenId));
        var response = new ListMilestonesResponse();
        response.Milestones.AddRange(milestones.Select(MilestoneProtos.ToProto));
        return response;
    }
}
