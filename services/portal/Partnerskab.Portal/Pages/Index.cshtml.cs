using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;
using Partnerskab.Portal.Reports;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages;

/// <summary>The start page: who is signed in, and the partnerships they may see (those in their scope, as the cohort service lists them).</summary>
public sealed class IndexModel(CohortService.CohortServiceClient cohort) : PageModel
{
    private static readonly string[] ListingRoles = [SuiteRoles.Kommune, SuiteRoles.Provider, SuiteRoles.Finance, SuiteRoles.Committee, SuiteRoles.Investor];

    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<string> RoleNames { get; private set; } = [];
    public IReadOnlyList<Partnership> Partnerships { get; private set; } = [];
    public bool ReadsDashboards { get; private set; }
    public bool ListsCitizens { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = new AccountScope(User);
        DisplayName = scope.DisplayName;
        RoleNames = scope.Roles;
        ReadsDashboards = scope.Roles.Any(CommitteeDashboard.ReadingRoles.Contains);
        ListsCitizens = scope.HasRole(SuiteRoles.Provider) || scope.HasRole(SuiteRoles.Kommune);
        if (scope.Roles.Any(ListingRoles.Contains))
        {
            var listed = await cohort.ListPartnershipsAsync(new ListPartnershipsRequest(), deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
            Partnerships = [.. listed.Partnerships.Where(p => Guid.TryParse(p.PartnershipId, out var id) && scope.MayActFor(id)).OrderBy(p => p.Name)];
        }
    }
}
