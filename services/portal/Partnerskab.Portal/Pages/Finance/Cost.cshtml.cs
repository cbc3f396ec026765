using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;
using Partnerskab.Portal.Hosting;
using Partnerskab.Portal.Reports;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Finance;

/// <summary>
/// The payment service's cost report as of a date, with VAT (what the kommune pays) or without (as
/// its budget follow-up reads it), as known now or as known on a day (?kendt=YYYY-MM-DD), for the
/// partnership in total (with each payer's totals) or for one payer of a split price (?betaler=ID).
/// </summary>
[Authorize(Roles = SuiteRoles.Finance)]
[PartnershipScope]
public sealed class CostModel(PaymentService.PaymentServiceClient payment, CopenhagenCalendar calendar) : PageModel
{
    public const string WithoutVat = "uden";

    public Guid PartnershipId { get; private set; }
    public ReportDays Days { get; private set; } = ReportDays.Read(null, null, default);
    public bool ExcludingVat { get; private set; }

    /// <summary>The payer whose report it is; empty for the partnership in total.</summary>
    public string PayerId { get; private set; } = "";
    public GetPartnershipCostResponse? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? dato, string? kendt, string? moms, string? betaler, CancellationToken cancellationToken)
    {
        PartnershipId = id;
        ExcludingVat = moms == WithoutVat;
        PayerId = betaler?.Trim() ?? "";
        Days = ReportDays.Read(dato, kendt, calendar.Today());
        if (Days.Invalid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Report = await payment.GetPartnershipCostAsync(new GetPartnershipCostRequest
        {
            PartnershipId = id.ToString(), AsOf = Days.AsOf.ToProto(), KnownOn = Days.KnownOn.Value?.ToProto(), ExcludingVat = ExcludingVat, PayerId = PayerId,
        }, deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
        return Page();
    }
}
