using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;
using Partnerskab.Portal.Forms;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Claims;

/// <summary>
/// The provider claims an outcome for a citizen (a job start, education...); it counts once the
/// kommune verifies it. The claim reference, made when the form is shown, makes a second post of
/// the same form return the same claim.
/// </summary>
[Authorize(Roles = SuiteRoles.Provider)]
[PartnershipScope]
public sealed class CreateModel(CohortService.CohortServiceClient cohort, OutcomeService.OutcomeServiceClient outcome,
    IStringLocalizer<SharedResource> text) : CitizenFormModel(cohort)
{
    public static IReadOnlyList<OutcomeKind> Kinds { get; } = [.. Enum.GetValues<OutcomeKind>().Where(k => k != OutcomeKind.Unspecified)];

    public sealed record ClaimForm(string ClaimReference, string Kind, string OutcomeDate, string HoursPerWeek, string EmployerCvr, string EvidenceReference);

    public ClaimForm Form { get; private set; } = new("", "", "", "", "", "");

    public Task OnGetAsync(Guid id, string citizenId, CancellationToken cancellationToken)
    {
        Form = Form with { ClaimReference = $"K-{Guid.CreateVersion7().ToString("N")[..12]}" };
        return LoadAsync(id, citizenId, cancellationToken);
    }

    public Task<IActionResult> OnPostAsync(Guid id, string citizenId, [FromForm(Name = "claim_reference")] string? claimReference,
        [FromForm] string? kind, [FromForm(Name = "outcome_date")] string? outcomeDate, [FromForm(Name = "hours_per_week_hundredths")] string? hoursPerWeek,
        [FromForm(Name = "employer_cvr")] string? employerCvr, [FromForm(Name = "evidence_reference")] string? evidenceReference, CancellationToken cancellationToken)
    {
        Form = new ClaimForm((claimReference ?? "").Trim(), kind ?? "", outcomeDate ?? "", (hoursPerWeek ?? "").Trim(), (employerCvr ?? "").Trim(), (evidenceReference ?? "").Trim());
        var date = Problems.Date(outcomeDate, "outcome_date", text["DateRequired"]);
        var chosen = Enum.TryParse<OutcomeKind>(kind, out var parsed) && Kinds.Contains(parsed) ? parsed : OutcomeKind.Unspecified;
        if (chosen == OutcomeKind.Unspecified) Problems.Add("kind", text["OutcomeKindRequired"]);
        var hundredths = Hundredths(Form.HoursPerWeek);
        if (hundredths is null) Problems.Add("hours_per_week_hundredths", text["HoursInvalid"]);
        return SubmitAsync(id, citizenId, "krav", () => outcome.ClaimOutcomeAsync(new ClaimOutcomeRequest
        {
            PartnershipId = id.ToString(),
            CitizenId = citizenId,
            ClaimReference = Form.ClaimReference,
            Kind = chosen,
            OutcomeDate = date!.Value.ToProto(),
            HoursPerWeekHundredths = hundredths!.Value,
            EmployerCvr = Form.EmployerCvr,
            EvidenceReference = Form.EvidenceReference,
        }, deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
    }

    /// <summary>Hours per week as typed ("15,5" or "15.5"; empty is none) in hundredths, exactly; null when it is not such a number.</summary>
    public static int? Hundredths(string hours)
    {
        if (hours.Length == 0) return 0;
        if (!decimal.TryParse(hours.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return null;
        var hundredths = value * 100;
        return hundredths == decimal.Truncate(hundredths) && hundredths <= int.MaxValue ? (int)hundredths : null;
    }
}
