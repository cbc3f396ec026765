using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;
using Partnerskab.Portal.Finance;
using Partnerskab.Portal.Hosting;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Finance;

/// <summary>One invoice or credit note of the partnership with its lines, as it stood on a date, and its Peppol e-invoice XML to download.</summary>
[Authorize(Roles = SuiteRoles.Finance)]
[PartnershipScope]
public sealed class InvoiceModel(PaymentService.PaymentServiceClient payment, CopenhagenCalendar calendar) : PageModel
{
    public Guid PartnershipId { get; private set; }
    public Invoice? Document { get; private set; }
    public DateField AsOf { get; private set; } = DateField.Read(null);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid invoiceId, string? dato, CancellationToken cancellationToken)
    {
        PartnershipId = id;
        AsOf = DateField.Read(dato, calendar.Today());
        if (AsOf.Value is not { } asOf) return BadRequest();
        Document = (await InvoicesModel.ListAsync(payment, id, asOf.ToProto(), cancellationToken)).FirstOrDefault(d => d.InvoiceId == invoiceId.ToString());
        return Document is null ? NotFound() : Page();
    }

    /// <summary>The e-invoice as the service writes it; the service checks the document is in the person's scope.</summary>
    public async Task<IActionResult> OnGetXmlAsync(Guid id, Guid invoiceId, CancellationToken cancellationToken)
    {
        var export = await payment.ExportInvoiceXmlAsync(new ExportInvoiceXmlRequest { InvoiceId = invoiceId.ToString() },
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
        return File(export.Xml.ToByteArray(), "application/xml", export.FileName);
    }
}
