using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;
using Partnerskab.Portal.Forms;
using Partnerskab.Portal.Hosting;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Contacts;

/// <summary>
/// The provider's job advisor records a contact with a citizen: the day and how. The form carries
/// a contact reference made when it was shown, so posting it twice records one contact.
/// </summary>
[Authorize(Roles = SuiteRoles.Provider)]
[PartnershipScope]
public sealed class RecordModel(CohortService.CohortServiceClient cohort, OutcomeService.OutcomeServiceClient outcome,
    IStringLocalizer<SharedResource> text, CopenhagenCalendar calendar) : CitizenFormModel(cohort)
{
    public static IReadOnlyList<ContactChannel> Channels { get; } = [.. Enum.GetValues<ContactChannel>().Where(c => c != ContactChannel.Unspecified)];

    public string ContactReference { get; private set; } = "";
    public string ContactDate { get; private set; } = "";
    public string Channel { get; private set; } = "";

    public Task OnGetAsync(Guid id, string citizenId, CancellationToken cancellationToken)
    {
        ContactReference = $"portal-{Guid.CreateVersion7():N}";
        ContactDate = calendar.Today().ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return LoadAsync(id, citizenId, cancellationToken);
    }

    public Task<IActionResult> OnPostAsync(Guid id, string citizenId, [FromForm(Name = "contact_reference")] string? contactReference,
        [FromForm(Name = "contact_date")] string? contactDate, [FromForm] string? channel, CancellationToken cancellationToken)
    {
        (ContactReference, ContactDate, Channel) = (contactReference ?? "", contactDate ?? "", channel ?? "");
        var date = Problems.Date(contactDate, "contact_date", text["DateRequired"]);
        var chosen = Enum.TryParse<ContactChannel>(channel, out var parsed) && Channels.Contains(parsed) ? parsed : ContactChannel.Unspecified;
        if (chosen == ContactChannel.Unspecified) Problems.Add("channel", text["ContactChannelRequired"]);
        return SubmitAsync(id, citizenId, "kontakt", () => outcome.RecordContactAsync(new RecordContactRequest
        {
            PartnershipId = id.ToString(), CitizenId = citizenId, ContactReference = ContactReference, ContactDate = date!.Value.ToProto(), Channel = chosen,
        }, deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
    }
}
