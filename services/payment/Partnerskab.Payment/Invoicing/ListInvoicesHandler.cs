using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Persistence;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment.Invoicing;

/// <summary>A partnership's invoices and credit notes issued by a date, with where each stood that day.</summary>
public sealed class ListInvoicesHandler(PaymentDbContext db, IClock clock)
{
    public async Task<ListInvoicesResponse> HandleAsync(ListInvoicesRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var asOf = request.AsOf is null ? clock.Today() : v.Date(request.AsOf, "as_of");
        v.ThrowIfInvalid();

        var documents = await db.Invoices.AsNoTracking()
            .Where(d => d.PartnershipId == partnershipId && d.IssueDate <= asOf)
            .OrderBy(d => d.Number)
            .ToListAsync(context.CancellationToken);
        InvoiceDocuments.AuditCitizens(partnershipId, documents);
        return new ListInvoicesResponse { Documents = { await InvoiceDocuments.WithStandingsAsync(db, documents, asOf, context.CancellationToken) } };
    }
}
