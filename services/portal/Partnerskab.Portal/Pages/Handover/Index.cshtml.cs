using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;
using Partnerskab.Portal.Forms;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Handover;

/// <summary>
/// The kommune hands one citizen over to the provider. The CPR number is typed here once and
/// posted to the cohort service, which keeps only its pseudonym; the portal never puts it in a
/// URL, title, log line or cookie, and the page is never cached.
/// </summary>
[Authorize(Roles = SuiteRoles.Kommune)]
[PartnershipScope]
public sealed class IndexModel(CohortService.CohortServiceClient cohort, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The form as posted, shown again when it was refused.</summary>
    public sealed record HandoverForm(string Cpr, string HandoverDate, string BenefitType, string WeeksSickListed, string CaseReference);

    public static IReadOnlyList<BenefitType> BenefitTypes { get; } = [.. Enum.GetValues<BenefitType>().Where(b => b != BenefitType.Unspecified)];

    public Guid PartnershipId { get; private set; }
    public HandoverForm Form { get; private set; } = new("", "", "", "", "");
    public FormProblems Problems { get; } = new();
    /// <summary>The citizen just handed over (after the redirect), and whether it had been handed over before with the same data.</summary>
    public string? HandedOver { get; private set; }
    public bool Repeated { get; private set; }

    public void OnGet(Guid id, string? overdraget, bool gentaget)
    {
        NeverCached();
        PartnershipId = id;
        HandedOver = overdraget;
        Repeated = gentaget;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, [FromForm] string? cpr, [FromForm(Name = "handover_date")] string? handoverDate,
        [FromForm(Name = "benefit_type")] string? benefitType, [FromForm(Name = "weeks_sick_listed")] string? weeksSickListed,
        [FromForm(Name = "case_reference")] string? caseReference, CancellationToken cancellationToken)
    {
        NeverCached();
        PartnershipId = id;
        Form = new HandoverForm(cpr?.Trim() ?? "", handoverDate ?? "", benefitType ?? "", weeksSickListed ?? "", caseReference ?? "");
        var date = Problems.Date(handoverDate, "handover_date", text["DateRequired"]);
        var weeks = Problems.Number(weeksSickListed, "weeks_sick_listed", 0, 520, text["WeeksSickListedInvalid"]);
        var benefit = Enum.TryParse<BenefitType>(benefitType, out var chosen) && BenefitTypes.Contains(chosen) ? chosen : BenefitType.Unspecified;
        if (benefit == BenefitType.Unspecified) Problems.Add("benefit_type", text["BenefitTypeRequired"]);
        var handedOver = new HandOverCitizenResponse();
        if (await Problems.TryAsync(async () => handedOver = await cohort.HandOverCitizenAsync(new HandOverCitizenRequest
            {
                PartnershipId = id.ToString(),
                Cpr = Form.Cpr,
                HandoverDate = date!.Value.ToProto(),
                BenefitType = benefit,
                WeeksSickListed = weeks!.Value,
                CaseReference = Form.CaseReference,
            }, deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken)))
        {
            return RedirectToPage(new { id, overdraget = handedOver.Citizen.CitizenId, gentaget = !handedOver.Created });
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The form may hold a CPR number: no browser or proxy keeps a copy of the page.</summary>
    private void NeverCached() => Response.Headers.CacheControl = "no-store";
}
