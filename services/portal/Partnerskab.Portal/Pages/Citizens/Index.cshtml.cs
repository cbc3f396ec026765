using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Citizens;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Citizens;

/// <summary>"My citizens": a partnership's citizens for its provider and kommune, found by case reference or pseudonym.</summary>
[Authorize(Roles = $"{SuiteRoles.Provider},{SuiteRoles.Kommune}")]
[PartnershipScope]
public sealed class CitizensModel(CitizenSearch search) : PageModel
{
    public Guid PartnershipId { get; private set; }
    public string Query { get; private set; } = "";
    public CitizenSearch.Found Found { get; private set; } = new([], false);

    public async Task OnGetAsync(Guid id, string? q, CancellationToken cancellationToken)
    {
        PartnershipId = id;
        Query = q?.Trim() ?? "";
        Found = await search.FindAsync(id, Query, cancellationToken);
    }
}
