using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime.Text;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Hosting;
using Partnerskab.Portal.Reports;

namespace Partnerskab.Portal.Pages.Partnerships;

/// <summary>
/// A page about one partnership as of a chosen date (?dato=YYYY-MM-DD, today in Copenhagen when
/// absent); a date that is not one gets a message instead of a report. The partnership is in the
/// person's scope: each page says so with <see cref="PartnershipScopeAttribute"/>.
/// </summary>
public abstract class CommitteeReportPage(CommitteeReportReader reader, CopenhagenCalendar calendar) : PageModel
{
    public Guid PartnershipId { get; private set; }

    /// <summary>The date as typed, shown again in the form.</summary>
    public string DateText { get; private set; } = "";

    public CommitteeDashboard? Report { get; private set; }

    /// <summary>Set when the date could not be read; no report is asked for then.</summary>
    public bool DateInvalid { get; private set; }

    protected async Task<IActionResult> LoadAsync(Guid id, string? dato, CancellationToken cancellationToken)
    {
        PartnershipId = id;
        var asOf = calendar.Today();
        if (!string.IsNullOrWhiteSpace(dato))
        {
            var parsed = LocalDatePattern.Iso.Parse(dato.Trim());
            if (!parsed.Success)
            {
                DateText = dato;
                DateInvalid = true;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
            asOf = parsed.Value;
        }
        DateText = LocalDatePattern.Iso.Format(asOf);
        Report = await reader.ReadAsync(id, asOf, cancellationToken);
        return Page();
    }
}
