using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;
using Partnerskab.Portal.Forms;
using Partnerskab.Portal.Hosting;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Partnerships;

/// <summary>
/// The partnership as an INDIGO project record (open data on outcomes contracts): which parts of
/// it are public, the public record as of a date and a download of it. The kommune decides what
/// is public; everyone who may read the record sees the settings and what leaves the suite.
/// </summary>
[Authorize(Roles = $"{SuiteRoles.Kommune},{SuiteRoles.Finance},{SuiteRoles.Committee},{SuiteRoles.Investor},{SuiteRoles.Provider}")]
[PartnershipScope]
public sealed class IndigoModel(PaymentService.PaymentServiceClient payment, IStringLocalizer<SharedResource> text, CopenhagenCalendar calendar)
    : PartnershipReportPage(calendar)
{
    public static IReadOnlyList<IndigoField> Fields { get; } = [.. Enum.GetValues<IndigoField>().Where(f => f != IndigoField.Unspecified)];

    public static IReadOnlyList<Disclosure> Choices { get; } = [Disclosure.Public, Disclosure.Private, Disclosure.Disputed];

    public override bool ReadsKnownOn => false;

    public ExportIndigoProjectResponse? Export { get; private set; }

    public bool SetsDisclosure => User.IsInRole(SuiteRoles.Kommune);

    public FormProblems Problems { get; } = new();

    /// <summary>The settings as chosen in a refused form, shown again; otherwise the service's.</summary>
    public IReadOnlyDictionary<IndigoField, string> Chosen { get; private set; } = new Dictionary<IndigoField, string>();

    /// <summary>After the settings' redirect.</summary>
    public bool Saved { get; private set; }

    public static string FieldName(IndigoField field) => $"field_{field}";

    public async Task<IActionResult> OnGetAsync(Guid id, string? dato, bool? gemt, CancellationToken cancellationToken)
    {
        Saved = gemt ?? false;
        if (ReadDays(id, dato, null)) Export = await ExportAsync(cancellationToken);
        return Page();
    }

    /// <summary>The public record as a JSON file, as the REST route gives it.</summary>
    public async Task<IActionResult> OnGetJsonAsync(Guid id, string? dato, CancellationToken cancellationToken)
    {
        if (!ReadDays(id, dato, null)) return Page();
        var export = await ExportAsync(cancellationToken);
        return File(System.Text.Encoding.UTF8.GetBytes(export.RecordJson), "application/json", $"indigo-{id}-{Days.AsOf:yyyy-MM-dd}.json");
    }

    /// <summary>Sends the fields whose setting was changed, so a field left as it was keeps when and by whom it was set.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, IFormCollection form, CancellationToken cancellationToken)
    {
        if (!SetsDisclosure) return StatusCode(StatusCodes.Status403Forbidden);
        ReadDays(id, null, null);
        var current = (await ExportAsync(cancellationToken)).Fields.ToDictionary(f => f.Field, f => f.Disclosure);
        Chosen = Fields.ToDictionary(f => f, f => form[FieldName(f)].ToString());
        var request = new SetDisclosureRequest { PartnershipId = id.ToString() };
        foreach (var (field, chosen) in Chosen)
        {
            if (!Enum.TryParse<Disclosure>(chosen, out var disclosure) || !Choices.Contains(disclosure))
                Problems.Add(FieldName(field), text["DisclosureRequired"]);
            else if (current.GetValueOrDefault(field, Disclosure.Private) != disclosure)
                request.Fields.Add(new FieldDisclosure { Field = field, Disclosure = disclosure });
        }
        if (!Problems.Any && request.Fields.Count == 0) return RedirectToPage(new { id, gemt = true });
        if (await Problems.TryAsync(() => payment.SetDisclosureAsync(request, deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken).ResponseAsync))
            return RedirectToPage(new { id, gemt = true });

        Response.StatusCode = StatusCodes.Status400BadRequest;
        Export = await ExportAsync(cancellationToken);
        return Page();
    }

    /// <summary>The field's setting to show: as chosen in a refused form, else as the service has it.</summary>
    public string Setting(FieldDisclosure field) => Chosen.TryGetValue(field.Field, out var chosen) ? chosen : field.Disclosure.ToString();

    private Task<ExportIndigoProjectResponse> ExportAsync(CancellationToken cancellationToken) =>
        payment.ExportIndigoProjectAsync(new ExportIndigoProjectRequest { PartnershipId = PartnershipId.ToString(), AsOf = Days.AsOf.ToProto() },
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken).ResponseAsync;
}
