using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Hosting;
using Partnerskab.Portal.Reports;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Partnerships;

/// <summary>
/// Did the partnership pay off: the outcome service's business case as of a date and as known on a
/// day, weighed against the cost. Aggregates only, for those the outcome service gives it to.
/// </summary>
[Authorize(Roles = $"{SuiteRoles.Committee},{SuiteRoles.Investor},{SuiteRoles.Kommune},{SuiteRoles.Finance}")]
[PartnershipScope]
public sealed class BusinessCaseModel(BusinessCaseReader reader, CopenhagenCalendar calendar) : PartnershipReportPage(calendar)
{
    public BusinessCaseReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? dato, string? kendt, CancellationToken cancellationToken)
    {
        if (ReadDays(id, dato, kendt)) Report = await reader.ReadAsync(id, Days.AsOf, Days.KnownOn.Value, cancellationToken);
        return Page();
    }
}
