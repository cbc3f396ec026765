using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskab.Portal.Calling;
using Partnerskab.Protos.Cohort.V1;

namespace Partnerskab.Portal.Forms;

/// <summary>
/// A form about one citizen of a partnership (an exit, a contact, a claim): the citizen as the
/// cohort service shows them to the person, and the form's one service call, which either leads
/// back to the citizen's timeline or shows the form again with the problems (and writes nothing).
/// </summary>
public abstract class CitizenFormModel(CohortService.CohortServiceClient cohort) : PageModel
{
    /// <summary>The cohort service, as the signed-in person.</summary>
    protected CohortService.CohortServiceClient Cohort { get; } = cohort;

    public Guid PartnershipId { get; private set; }
    public Citizen Citizen { get; private set; } = new();
    public FormProblems Problems { get; } = new();

    protected async Task LoadAsync(Guid id, string citizenId, CancellationToken cancellationToken)
    {
        PartnershipId = id;
        Citizen = (await Cohort.GetCitizenAsync(new GetCitizenRequest { PartnershipId = id.ToString(), CitizenId = citizenId },
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken)).Citizen;
    }

    /// <summary>Makes the call unless the form already has problems; then back to the timeline, saying what was done.</summary>
    protected async Task<IActionResult> SubmitAsync(Guid id, string citizenId, string done, Func<Task> call, CancellationToken cancellationToken)
    {
        if (await Problems.TryAsync(call)) return RedirectToPage("/Citizens/Timeline", new { id, citizenId, registreret = done });
        await LoadAsync(id, citizenId, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
