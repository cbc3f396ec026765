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

/// <summary>The person's organisation's invoices matched to its payments as of a date, with what is wrong, and the payments of unknown reference.</summary>
[Authorize(Roles = SuiteRoles.Finance)]
public sealed class ReconciliationModel(PaymentService.PaymentServiceClient payment, CopenhagenCalendar calendar) : PageModel
{
    public string? Organisation { get; private set; }
    public DateField AsOf { get; private set; } = DateField.Read(null);
    public GetReconciliationResponse? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? dato, CancellationToken cancellationToken)
    {
        Organisation = new AccountScope(User).Organisation;
        AsOf = DateField.Read(dato, calendar.Today());
        if (AsOf.Value is not { } asOf)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (Organisation is null) return Page();
        Report = await payment.GetReconciliationAsync(new GetReconciliationRequest { IssuerCvr = Organisation, AsOf = asOf.ToProto() },
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
        return Page();
    }
}
