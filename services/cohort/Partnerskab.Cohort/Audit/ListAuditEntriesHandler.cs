using Grpc.Core;
using Partnerskab.Cohort.Persistence;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Audit;

namespace Partnerskab.Cohort.Audit;

/// <summary>The auditor's read of the service's audit log.</summary>
public sealed class ListAuditEntriesHandler(CohortDbContext db)
{
    public async Task<ListAuditEntriesResponse> HandleAsync(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var page = await AuditLog.ListAsync(db, context.Caller(), request.Filter, request.PageSize, request.PageToken, context.CancellationToken);
        return new ListAuditEntriesResponse { Entries = { page.Entries }, NextPageToken = page.NextPageToken };
    }
}
