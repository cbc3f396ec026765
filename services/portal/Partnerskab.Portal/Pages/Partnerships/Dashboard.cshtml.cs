using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Hosting;
using Partnerskab.Portal.Reports;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Partnerships;

/// <summary>The committee's and the investor's dashboard of one partnership as of a date.</summary>
[Authorize(Roles = $"{SuiteRoles.Committee},{SuiteRoles.Investor},{SuiteRoles.Kommune}")]
[PartnershipScope]
public sealed class DashboardModel(CommitteeReportReader reader, CopenhagenCalendar calendar)
    : CommitteeReportPage(reader, calendar)
{
    public Task<IActionResult> OnGetAsync(Guid id, string? dato, string? kendt, CancellationToken cancellationToken) =>
        LoadAsync(id, dato, kendt, cancellationToken);
}
