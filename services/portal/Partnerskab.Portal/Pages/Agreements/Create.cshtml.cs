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

/// <summary>The kommune registers a new partnership agreement (version 1); the cohort service judges its terms.</summary>
[Authorize(Roles = SuiteRoles.Kommune)]
public sealed class CreateModel(CohortService.CohortServiceClient cohort, IStringLocalizer<SharedResource> text) : PageModel
{
    public AgreementForm Form { get; private set; } = AgreementForm.Empty;
    public string Reference { get; private set; } = "";
    public FormProblems Problems { get; } = new();
    /// <summary>The partnership just registered (after the redirect), and whether the person may open it.</summary>
    public Guid? Created { get; private set; }
    public bool MayOpen { get; private set; }

    public void OnGet(Guid? oprettet)
    {
        Created = oprettet;
        MayOpen = oprettet is { } id && new AccountScope(User).MayActFor(id);
    }

    public async Task<IActionResult> OnPostAsync([FromForm] string? reference, CancellationToken cancellationToken)
    {
        Form = AgreementForm.From(Request.Form);
        Reference = reference?.Trim() ?? "";
        var terms = Form.Read(Problems, text);
        var created = new CreatePartnershipResponse();
        if (await Problems.TryAsync(async () =>
            {
                var request = AgreementForm.Into(terms!, new CreatePartnershipRequest());
                request.Reference = Reference;
                created = await cohort.CreatePartnershipAsync(request, deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
            }))
        {
            return RedirectToPage(new { oprettet = created.Partnership.PartnershipId });
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
