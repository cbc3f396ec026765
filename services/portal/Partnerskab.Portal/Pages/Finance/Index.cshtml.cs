using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Finance;

/// <summary>Finance's start: its partnerships with their rate cards, invoices, invoice run and cost; the bank statement and the reconciliation of its organisation.</summary>
[Authorize(Roles = SuiteRoles.Finance)]
public sealed class FinanceIndexModel(CohortService.CohortServiceClient cohort) : PageModel
{
    public IReadOnlyList<Partnership> Partnerships { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = new AccountScope(User);
        var listed = await cohort.ListPartnershipsAsync(new ListPartnershipsRequest(), deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
        Partnerships = [.. listed.Partnerships.Where(p => Guid.TryParse(p.PartnershipId, out var id) && scope.MayActFor(id)).OrderBy(p => p.Name)];
    }
}
