using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Outcome.Milestones;

/// <summary>A partnership's milestone definitions, by code.</summary>
public sealed class GetMilestoneDefinitionsHandler(OutcomeDbContext db)
{
    public async Task<GetMilestoneDefinitionsResponse> HandleAsync(GetMilestoneDefinitionsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        v.ThrowIfInvalid();

        var definitions = await db.MilestoneDefinitions.AsNoTracking()
            .Where(d => d.PartnershipId == partnershipId)
            .OrderBy(d => d.Code)
            .ToListAsync(context.CancellationToken);
        var response = new GetMilestoneDefinitionsResponse();
        response.Definitions.AddRange(definitions.Select(MilestoneProtos.ToProto));
        return response;
    }
}
