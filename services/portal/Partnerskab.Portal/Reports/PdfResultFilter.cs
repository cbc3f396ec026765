using System.Text;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace Partnerskab.Portal.Reports;

/// <summary>A page that can answer with itself printed as PDF.</summary>
public interface IPrintablePage
{
    /// <summary>The PDF's file name when this request asks for the PDF; null for the page as HTML.</summary>
    string? PdfFileName { get; }
}

/// <summary>
/// Renders a printable page as usual, but into a buffer, and answers with that HTML printed to
/// PDF instead: the PDF is exactly the page, with the page's own access checks and data.
/// </summary>
public sealed class PdfResultFilter(PdfPrinter printer) : IAsyncResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is not PageResult || context.Controller is not IPrintablePage { PdfFileName: { } fileName })
        {
            await next();
            return;
        }
        var response = context.HttpContext.Response;
        var body = response.Body;
        using var html = new MemoryStream();
        response.Body = html;
        try
        {
            await next();
        }
        finally
        {
            response.Body = body;
        }
        var pdf = await printer.PrintAsync(Encoding.UTF8.GetString(html.ToArray()), context.HttpContext.RequestAborted);
        response.ContentType = "application/pdf";
        response.ContentLength = pdf.Length;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName }.ToString();
        await body.WriteAsync(pdf, context.HttpContext.RequestAborted);
    }
}
