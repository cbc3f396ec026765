using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Protos.Audit.V1;
using Partnerskab.ServiceDefaults.Access;

namespace Partnerskab.ServiceDefaults.Audit;

/// <summary>The auditor's page of a service's audit log (<see cref="AuditLog"/>): every service's ListAuditEntries, over its own database.</summary>
public sealed class ListAuditEntriesHandler<TDbContext>(TDbContext db) where TDbContext : DbContext
{
    public async Task<TResponse> HandleAsync<TResponse>(IListAuditEntriesRequest request, ServerCallContext context)
        where TResponse : IListAuditEntriesResponse, new()
    {
        var page = await AuditLog.ListAsync(db, context.Caller(), request.Filter, request.PageSize, request.PageToken, context.CancellationToken);
        var response = new TResponse { NextPageToken = page.NextPageToken };
        response.Entries.AddRange(page.Entries);
        return response;
    }
}
