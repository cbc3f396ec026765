using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Cohort.Partnerships;

/// <summary>Every version of a partnership's terms, with why it changed.</summary>
public sealed class ListPartnershipVersionsHandler(CohortDbContext db)
{
    public async Task<ListPartnershipVersionsResponse> HandleAsync(ListPartnershipVersionsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        v.ThrowIfInvalid();

        var partnership = await PartnershipStore.FindAsync(db, partnershipId, context.CancellationToken);
        var versions = await db.PartnershipVersions.AsNoTracking()
            .Where(pv => pv.PartnershipId == partnershipId)
            .OrderBy(pv => pv.Version)
            .ToListAsync(context.CancellationToken);
        var response = new ListPartnershipVersionsResponse();
        response.Versions.AddRange(versions.Select(pv => new Protos.Cohort.V1.PartnershipVersion
        {
            Partnership = new Partnership { Id = partnershipId, Reference = partnership.Reference, Version = pv.Version, Terms = pv.Terms }.ToProto(0),
            Reason = pv.Reason,
            RecordedAt = Timestamp.FromDateTimeOffset(pv.RecordedAt.ToDateTimeOffset()),
        }));
        return response;
    }
}
