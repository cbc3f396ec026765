using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Partnerskab.Portal.Audit;
using Partnerskab.Portal.Finance;
using Partnerskab.Protos.Audit.V1;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Audit;

/// <summary>
/// The auditor's search of the services' audit logs: by citizen pseudonym, person (user name),
/// partnership and period (days in Copenhagen, both included). Every field is optional; they combine.
/// </summary>
[Authorize(Roles = SuiteRoles.Auditor)]
public sealed class AuditIndexModel(AuditLogReader reader) : PageModel
{
    private static readonly DateTimeZone Copenhagen = DateTimeZoneProviders.Tzdb["Europe/Copenhagen"];

    public string Citizen { get; private set; } = "";
    public string Person { get; private set; } = "";
    public string Partnership { get; private set; } = "";
    public DateField From { get; private set; } = DateField.Read(null);
    public DateField To { get; private set; } = DateField.Read(null);
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public AuditLogReader.Result? Found { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? borger, string? person, string? partnerskab, string? fra, string? til, CancellationToken cancellationToken)
    {
        Citizen = borger?.Trim() ?? "";
        Person = person?.Trim() ?? "";
        Partnership = partnerskab?.Trim() ?? "";
        From = DateField.Read(fra);
        To = DateField.Read(til);
        if (borger is null && person is null && partnerskab is null && fra is null && til is null) return Page();

        var problems = new List<string>();
        if (From.Invalid) problems.Add("AuditFromInvalid");
        if (To.Invalid) problems.Add("AuditToInvalid");
        if (From.Value is { } first && To.Value is { } last && last < first) problems.Add("AuditPeriodReversed");
        if (Partnership.Length > 0 && !Guid.TryParse(Partnership, out _)) problems.Add("AuditPartnershipInvalid");
        Problems = problems;
        if (problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var filter = new AuditFilter { CitizenId = Citizen, Subject = Person, PartnershipId = Partnership };
        if (From.Value is { } from) filter.RecordedFrom = StartOf(from);
        if (To.Value is { } to) filter.RecordedBefore = StartOf(to.PlusDays(1));
        Found = await reader.ReadAsync(filter, cancellationToken);
        return Page();
    }

    private static Timestamp StartOf(LocalDate day) => Timestamp.FromDateTimeOffset(day.AtStartOfDayInZone(Copenhagen).ToDateTimeOffset());

    /// <summary>When the call was made, in Copenhagen.</summary>
    public static ZonedDateTime Moment(Timestamp recordedAt) => Instant.FromDateTimeOffset(recordedAt.ToDateTimeOffset()).InZone(Copenhagen);
}
