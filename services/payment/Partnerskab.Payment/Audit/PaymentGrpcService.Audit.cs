using Grpc.Core;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Audit;

namespace Partnerskab.Payment;

public sealed partial class PaymentGrpcService
{
    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var page = await AuditLog.ListAsync(db, context.Caller(), request.Filter, request.PageSize, request.PageToken, context.CancellationToken);
        return new ListAuditEntriesResponse { Entries = { page.Entries }, NextPageToken = page.NextPageToken };
    }
}
