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

/// <summary>A partnership's invoices and credit notes issued by a date (today unless asked), with where each stood that day.</summary>
[Authorize(Roles = SuiteRoles.Finance)]
[PartnershipScope]
public sealed class InvoicesModel(PaymentService.PaymentServiceClient payment, CopenhagenCalendar calendar) : PageModel
{
    public Guid PartnershipId { get; private set; }
    public DateField AsOf { get; private set; } = DateField.Read(null);
    public IReadOnlyList<Invoice> Documents { get; private set; } = [];

    /// <summary>After an invoice run: how many documents it issued, or that it had been made before.</summary>
    public int? Issued { get; private set; }
    public bool RunBefore { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? dato, int? udstedt, bool? tidligere, CancellationToken cancellationToken)
    {
        PartnershipId = id;
        Issued = udstedt;
        RunBefore = tidligere == true;
        AsOf = DateField.Read(dato, calendar.Today());
        if (AsOf.Value is not { } asOf)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Documents = await ListAsync(payment, id, asOf.ToProto(), cancellationToken);
        return Page();
    }

    public static async Task<IReadOnlyList<Invoice>> ListAsync(PaymentService.PaymentServiceClient payment, Guid partnershipId, Google.Type.Date asOf,
        CancellationToken cancellationToken) =>
        (await payment.ListInvoicesAsync(new ListInvoicesRequest { PartnershipId = partnershipId.ToString(), AsOf = asOf },
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken)).Documents;
}
