using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Partnerskab.Portal.Reports;

/// <summary>
/// Prints a page the portal rendered to PDF with headless Chromium. The page is written to a
/// private temporary folder beside a copy of the style sheet, so the browser needs neither the
/// network nor the person's session.
/// </summary>
public sealed class PdfPrinter(IOptions<PortalOptions> options, IWebHostEnvironment environment, ILogger<PdfPrinter> logger)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The folder a printed page's relative asset links resolve against (holds css/site.css).</summary>
    public static string AssetFolderName => "assets";

    public async Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("partnerskab-pdf-");
        try
        {
            CopyStyleSheet(folder.FullName);
            var page = Path.Combine(folder.FullName, "page.html");
            var pdf = Path.Combine(folder.FullName, "page.pdf");
            await File.WriteAllTextAsync(page, html, cancellationToken);
            var start = new ProcessStartInfo(options.Value.ChromiumPath,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                $"--user-data-dir={Path.Combine(folder.FullName, "profile")}",
                "--no-pdf-header-footer", $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri,
            ])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var chromium = Process.Start(start) ?? throw new InvalidOperationException($"{options.Value.ChromiumPath} did not start.");
            var errors = chromium.StandardError.ReadToEndAsync(cancellationToken);
            _ = chromium.StandardOutput.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Patience);
            try
            {
                await chromium.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                chromium.Kill(entireProcessTree: true);
                throw;
            }
            if (chromium.ExitCode != 0 || !File.Exists(pdf))
            {
                logger.LogError("Chromium exited with {ExitCode} without a PDF: {Errors}", chromium.ExitCode, await errors);
                throw new InvalidOperationException("The PDF could not be printed.");
            }
            return await File.ReadAllBytesAsync(pdf, cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private void CopyStyleSheet(string folder)
    {
        var css = Path.Combine(folder, AssetFolderName, "css");
        Directory.CreateDirectory(css);
        File.Copy(Path.Combine(environment.WebRootPath, "css", "site.css"), Path.Combine(css, "site.css"));
    }
}
