using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Hosting;
using Partnerskab.Portal.Reports;

namespace Partnerskab.Portal.Pages.Partnerships;

/// <summary>
/// A page about one partnership as of a chosen date and as known on a day (<see cref="ReportDays"/>);
/// a date that is not one gets a message instead of a report. The partnership is in the person's
/// scope: each page says so with <see cref="PartnershipScopeAttribute"/>.
/// </summary>
public abstract class PartnershipReportPage(CopenhagenCalendar calendar) : PageModel
{
    public Guid PartnershipId { get; private set; }

    public ReportDays Days { get; private set; } = ReportDays.Read(null, null, default);

    /// <summary>Whether the page's report can be read as known on a day (the form then asks for one).</summary>
    public virtual bool ReadsKnownOn => true;

    /// <summary>Reads the days; false (and answer 400) when no report is to be asked for.</summary>
    protected bool ReadDays(Guid id, string? dato, string? kendt)
    {
        PartnershipId = id;
        Days = ReportDays.Read(dato, ReadsKnownOn ? kendt : null, calendar.Today());
        if (Days.Invalid) Response.StatusCode = StatusCodes.Status400BadRequest;
        return !Days.Invalid;
    }
}

/// <summary>A page showing the committee's report (<see cref="CommitteeDashboard"/>).</summary>
public abstract class CommitteeReportPage(CommitteeReportReader reader, CopenhagenCalendar calendar) : PartnershipReportPage(calendar)
{
    public CommitteeDashboard? Report { get; private set; }

    protected async Task<IActionResult> LoadAsync(Guid id, string? dato, string? kendt, CancellationToken cancellationToken)
    {
        if (ReadDays(id, dato, kendt)) Report = await reader.ReadAsync(id, Days.AsOf, Days.KnownOn.Value, cancellationToken);
        return Page();
    }
}
