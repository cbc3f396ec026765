using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;
using Partnerskab.Portal.Finance;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Finance;

/// <summary>
/// An invoice run in two steps: the preview (the payment service plans the drafts and writes
/// nothing), then issuing exactly that period and issue date. The service makes a run once per
/// period; refusals (a period that is not one, a missing payee account) are shown with the form.
/// </summary>
[Authorize(Roles = SuiteRoles.Finance)]
[PartnershipScope]
public sealed class InvoiceRunModel(PaymentService.PaymentServiceClient payment, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public Guid PartnershipId { get; private set; }
    public DateField PeriodStart { get; private set; } = DateField.Read(null);
    public DateField IssueDate { get; private set; } = DateField.Read(null);
    public IReadOnlyList<Invoice>? Drafts { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, string? periode, string? udstedelse, CancellationToken cancellationToken)
    {
        PartnershipId = id;
        if (periode is null && udstedelse is null) return Page();
        var run = await RunAsync(id, periode, udstedelse, preview: true, cancellationToken);
        if (run is null) return Refused();
        Drafts = run.Documents;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? periode, string? udstedelse, CancellationToken cancellationToken)
    {
        PartnershipId = id;
        var run = await RunAsync(id, periode, udstedelse, preview: false, cancellationToken);
        if (run is null) return Refused();
        return RedirectToPage("/Finance/Invoices", new { id, udstedt = run.Created ? run.Documents.Count : 0, tidligere = run.Created ? (bool?)null : true });
    }

    private async Task<RunInvoicesResponse?> RunAsync(Guid id, string? periode, string? udstedelse, bool preview, CancellationToken cancellationToken)
    {
        PeriodStart = DateField.Read(periode);
        IssueDate = DateField.Read(udstedelse);
        if (PeriodStart.Value is not { } start || IssueDate.Value is not { } issue)
        {
            Problems = [.. (PeriodStart.Value is null ? ["PeriodStartInvalid"] : Array.Empty<string>()), .. (IssueDate.Value is null ? ["IssueDateInvalid"] : Array.Empty<string>())];
            return null;
        }
        try
        {
            return await payment.RunInvoicesAsync(new RunInvoicesRequest
            {
                PartnershipId = id.ToString(), PeriodStart = start.ToProto(), IssueDate = issue.ToProto(), Preview = preview,
            }, deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (ServiceRefusal.Problems(e, localizer) is { } problems)
        {
            Problems = problems;
            return null;
        }
    }

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
