using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Payment.EInvoicing;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment;

public sealed partial class PaymentGrpcService
{
    public override async Task<ExportInvoiceXmlResponse> ExportInvoiceXml(ExportInvoiceXmlRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var invoiceId = v.Id(request.InvoiceId, "invoice_id");
        v.ThrowIfInvalid();

        var document = context.Caller().EnsureMayActFor(
            await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invoiceId, context.CancellationToken),
            i => i.PartnershipId, $"no invoice or credit note {invoiceId}");
        AuditCall.Citizens(document.PartnershipId, document.Lines.Where(l => l.CitizenId is not null).Select(l => l.CitizenId!));
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
