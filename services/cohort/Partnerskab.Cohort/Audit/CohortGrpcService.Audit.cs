using Grpc.Core;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Audit;

namespace Partnerskab.Cohort;

public sealed partial class CohortGrpcService
{
    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var page = await AuditLog.ListAsync(db, context.Caller(), request.Filter, request.PageSize, request.PageToken, context.CancellationToken);
        return new ListAuditEntriesResponse { Entries = { page.Entries }, NextPageToken = page.NextPageToken };
    }
}
