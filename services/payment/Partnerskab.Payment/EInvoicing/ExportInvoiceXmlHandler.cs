using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Payment.Invoicing;
using Partnerskab.Payment.Persistence;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment.EInvoicing;

/// <summary>An issued invoice or credit note as a Peppol BIS Billing 3.0 document, or why it cannot be one.</summary>
public sealed class ExportInvoiceXmlHandler(PaymentDbContext db)
{
    public async Task<ExportInvoiceXmlResponse> HandleAsync(ExportInvoiceXmlRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var invoiceId = v.Id(request.InvoiceId, "invoice_id");
        v.ThrowIfInvalid();

        var document = context.Caller().EnsureMayActFor(
            await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invoiceId, context.CancellationToken),
            i => i.PartnershipId, $"no invoice or credit note {invoiceId}");
        InvoiceDocuments.AuditCitizens(document.PartnershipId, [document]);
        var einvoice = EInvoice.From(document);
        if (einvoice.Problems() is [_, ..] problems)
        {
            throw DomainException.FailedPrecondition($"{document.Kind} {document.Number} cannot be sent as a Peppol e-invoice: {string.Join("; ", problems)}");
        }
        return new ExportInvoiceXmlResponse
        {
            Xml = ByteString.CopyFrom(PeppolBisWriter.ToUtf8(einvoice)),
            FileName = einvoice.FileName,
            Kind = (Protos.Payment.V1.DocumentKind)(int)document.Kind,
            Number = document.Number,
        };
    }
}
