using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Citizens;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Citizens;

/// <summary>A citizen's timeline: the follow-up window, the milestones and every reported week. The citizen is named by pseudonym, never by CPR number.</summary>
[Authorize(Roles = $"{SuiteRoles.Provider},{SuiteRoles.Kommune}")]
[PartnershipScope]
public sealed class TimelineModel(CitizenTimelineReader reader) : PageModel
{
    public Guid PartnershipId { get; private set; }
    public CitizenTimeline? Timeline { get; private set; }
    /// <summary>What a form of the citizen's just recorded ("udtraeden", "kontakt", "krav"), if the person came from one.</summary>
    public string? Recorded { get; private set; }

    public async Task OnGetAsync(Guid id, string citizenId, string? registreret, CancellationToken cancellationToken)
    {
        PartnershipId = id;
        Recorded = registreret is "udtraeden" or "kontakt" or "krav" ? registreret : null;
        Timeline = await reader.ReadAsync(id, citizenId, cancellationToken);
    }
}
