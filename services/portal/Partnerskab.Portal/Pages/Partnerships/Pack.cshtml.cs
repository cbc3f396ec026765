using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partnerskab.Portal.Hosting;
using Partnerskab.Portal.Reports;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Pages.Partnerships;

/// <summary>The committee pack "Status på partnerskabsaftale": a printable page, and the same page as PDF.</summary>
[Authorize(Roles = $"{SuiteRoles.Committee},{SuiteRoles.Investor},{SuiteRoles.Kommune}")]
public sealed class PackModel(CommitteeReportReader reader, CopenhagenCalendar calendar, PdfPrinter printer)
    : CommitteeReportPage(reader, calendar)
{
    /// <summary>Rendering for the PDF: no form, no links, the style sheet from the printer's folder.</summary>
    public bool Printing { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, string? dato, CancellationToken cancellationToken) => LoadAsync(id, dato, cancellationToken);

    public async Task<IActionResult> OnGetPdfAsync(Guid id, string? dato, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, dato, cancellationToken);
        if (Report is null) return loaded;
        Printing = true;
        ViewData["AssetRoot"] = $"{PdfPrinter.AssetFolderName}/";
        var html = await RenderAsync(loaded);
        var pdf = await printer.PrintAsync(html, cancellationToken);
        return File(pdf, "application/pdf", $"status-{Report.Partnership.Reference}-{DateText}.pdf");
    }

    // The page renders as usual into a buffer instead of the response; the response then carries the PDF.
    private async Task<string> RenderAsync(IActionResult page)
    {
        var response = HttpContext.Response.Body;
        using var buffer = new MemoryStream();
        HttpContext.Response.Body = buffer;
        try
        {
            await page.ExecuteResultAsync(PageContext);
        }
        finally
        {
            HttpContext.Response.Body = response;
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
