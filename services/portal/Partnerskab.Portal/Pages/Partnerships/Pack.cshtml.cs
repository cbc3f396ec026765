using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Hosting;
using Partnerskab.Portal.Reports;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Partnerships;

/// <summary>
/// The committee pack "Status på partnerskabsaftale": a printable page, and the same page as PDF
/// (?handler=Pdf), for a signed-in person or for a program with a bearer token of the suite
/// (`partnerskab outcome report --pdf`), whose roles and partnerships are judged alike.
/// </summary>
[Authorize(Roles = $"{SuiteRoles.Committee},{SuiteRoles.Investor},{SuiteRoles.Kommune}", AuthenticationSchemes = BearerCallers.PersonOrBearer)]
[PartnershipScope]
[TypeFilter<PdfResultFilter>]
public sealed class PackModel(CommitteeReportReader reader, BusinessCaseReader businessCase, CopenhagenCalendar calendar)
    : CommitteeReportPage(reader, calendar), IPrintablePage
{
    /// <summary>The business case weighed against the pack's own cost report.</summary>
    public BusinessCaseReport? BusinessCase { get; private set; }

    /// <summary>Rendering for the PDF: no form, no links, the style sheet from the printer's folder.</summary>
    public bool Printing { get; private set; }

    public string? PdfFileName => Printing && Report is { } report ? $"status-{report.Partnership.Reference}-{Days.DateText}{(Days.KnownOnText is { } known ? $"-kendt-{known}" : "")}.pdf" : null;

    public Task<IActionResult> OnGetAsync(Guid id, string? dato, string? kendt, CancellationToken cancellationToken) =>
        LoadPackAsync(id, dato, kendt, cancellationToken);

    public async Task<IActionResult> OnGetPdfAsync(Guid id, string? dato, string? kendt, CancellationToken cancellationToken)
    {
        var page = await LoadPackAsync(id, dato, kendt, cancellationToken);
        Printing = Report is not null;
        if (Printing) ViewData["AssetRoot"] = $"{PdfPrinter.AssetFolderName}/";
        return page;
    }

    private async Task<IActionResult> LoadPackAsync(Guid id, string? dato, string? kendt, CancellationToken cancellationToken)
    {
        var page = await LoadAsync(id, dato, kendt, cancellationToken);
        if (Report is { } report) BusinessCase = await businessCase.ReadAsync(id, Days.AsOf, Days.KnownOn.Value, report.Cost, cancellationToken);
        return page;
    }
}
