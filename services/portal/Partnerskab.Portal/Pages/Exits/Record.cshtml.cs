using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;
using Partnerskab.Portal.Forms;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Exits;

/// <summary>The kommune records a citizen's exit from the partnership (moved away, disability pension...): the day and the reason.</summary>
[Authorize(Roles = SuiteRoles.Kommune)]
[PartnershipScope]
public sealed class RecordModel(CohortService.CohortServiceClient cohort, IStringLocalizer<SharedResource> text) : CitizenFormModel(cohort)
{
    public static IReadOnlyList<ExitReason> Reasons { get; } = [.. Enum.GetValues<ExitReason>().Where(r => r != ExitReason.Unspecified)];

    public string ExitDate { get; private set; } = "";
    public string Reason { get; private set; } = "";

    public Task OnGetAsync(Guid id, string citizenId, CancellationToken cancellationToken) => LoadAsync(id, citizenId, cancellationToken);

    public Task<IActionResult> OnPostAsync(Guid id, string citizenId, [FromForm(Name = "exit_date")] string? exitDate,
        [FromForm] string? reason, CancellationToken cancellationToken)
    {
        ExitDate = exitDate ?? "";
        Reason = reason ?? "";
        var date = Problems.Date(exitDate, "exit_date", text["DateRequired"]);
        var chosen = Enum.TryParse<ExitReason>(reason, out var parsed) && Reasons.Contains(parsed) ? parsed : ExitReason.Unspecified;
        if (chosen == ExitReason.Unspecified) Problems.Add("reason", text["ExitReasonRequired"]);
        return SubmitAsync(id, citizenId, "udtraeden", () => Cohort.RecordExitAsync(new RecordExitRequest
        {
            PartnershipId = id.ToString(), CitizenId = citizenId, ExitDate = date!.Value.ToProto(), Reason = chosen,
        }, deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
    }
}
