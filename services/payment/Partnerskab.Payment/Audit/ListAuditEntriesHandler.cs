using Grpc.Core;
using Partnerskab.Payment.Persistence;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Audit;

namespace Partnerskab.Payment.Audit;

/// <summary>The auditor's page of the payment service's audit log.</summary>
public sealed class ListAuditEntriesHandler(PaymentDbContext db)
{
    public async Task<ListAuditEntriesResponse> HandleAsync(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var page = await AuditLog.ListAsync(db, context.Caller(), request.Filter, request.PageSize, request.PageToken, context.CancellationToken);
        return new ListAuditEntriesResponse { Entries = { page.Entries }, NextPageToken = page.NextPageToken };
    }
}
