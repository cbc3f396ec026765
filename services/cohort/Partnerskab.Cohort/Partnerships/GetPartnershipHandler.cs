using Grpc.Core;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Cohort.Partnerships;

/// <summary>A partnership's current terms and the places taken.</summary>
public sealed class GetPartnershipHandler(CohortDbContext db)
{
    public async Task<GetPartnershipResponse> HandleAsync(GetPartnershipRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var id = v.Id(request.PartnershipId, "partnership_id");
        v.ThrowIfInvalid();

        var partnership = await PartnershipStore.FindAsync(db, id, context.CancellationToken);
        return new GetPartnershipResponse { Partnership = partnership.ToProto(partnership.PlacesTaken) };
    }
}
