using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;
using Partnerskab.Portal.Forms;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Agreements;

/// <summary>
/// A partnership agreement's versions, newest first, and the kommune's form to amend it: the
/// current terms to change, with the reason. An amendment made meanwhile by someone else is refused
/// (the form carries the version it amends), so no change is lost.
/// </summary>
[Authorize(Roles = SuiteRoles.Kommune)]
[PartnershipScope]
public sealed class VersionsModel(CohortService.CohortServiceClient cohort, IStringLocalizer<SharedResource> text) : PageModel
{
    public Guid PartnershipId { get; private set; }
    public IReadOnlyList<PartnershipVersion> Versions { get; private set; } = [];
    public Partnership Current => Versions[0].Partnership;
    public AgreementForm Form { get; private set; } = AgreementForm.Empty;
    public int ExpectedVersion { get; private set; }
    public string Reason { get; private set; } = "";
    public FormProblems Problems { get; } = new();
    public bool Amended { get; private set; }

    public async Task OnGetAsync(Guid id, bool aendret, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Amended = aendret;
        Form = AgreementForm.Of(Current);
        ExpectedVersion = Current.Version;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, [FromForm(Name = "expected_version")] int expectedVersion, [FromForm] string? reason,
        CancellationToken cancellationToken)
    {
        Form = AgreementForm.From(Request.Form);
        ExpectedVersion = expectedVersion;
        Reason = reason?.Trim() ?? "";
        var terms = Form.Read(Problems, text);
        if (await Problems.TryAsync(() =>
            {
                var request = AgreementForm.Into(terms!, new AmendPartnershipRequest());
                (request.PartnershipId, request.ExpectedVersion, request.Reason) = (id.ToString(), expectedVersion, Reason);
                return cohort.AmendPartnershipAsync(request, deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken).ResponseAsync;
            }))
        {
            return RedirectToPage(new { id, aendret = true });
        }
        await LoadAsync(id, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        PartnershipId = id;
        var listed = await cohort.ListPartnershipVersionsAsync(new ListPartnershipVersionsRequest { PartnershipId = id.ToString() },
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
        Versions = [.. listed.Versions.OrderByDescending(v => v.Partnership.Version)];
    }
}
