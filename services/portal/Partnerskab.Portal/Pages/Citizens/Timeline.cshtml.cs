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

    public async Task OnGetAsync(Guid id, string citizenId, CancellationToken cancellationToken)
    {
        PartnershipId = id;
        Timeline = await reader.ReadAsync(id, citizenId, cancellationToken);
    }
}
