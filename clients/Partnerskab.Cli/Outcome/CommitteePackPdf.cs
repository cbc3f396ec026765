using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Partnerskab.Cli.CommandLine;
using Partnerskab.Tokens;
using Date = Google.Type.Date;

namespace Partnerskab.Cli.Outcome;

/// <summary>
/// `partnerskab outcome report --pdf <file>`: the committee pack "Status på partnerskabsaftale"
/// as the portal prints it, asked of the portal with the caller's token (whose roles and
/// partnerships the portal judges as a signed-in person's) and written to the file.
/// </summary>
public static class CommitteePackPdf
{
    public static readonly Option<string> File = new("--pdf")
    {
        Description = "Writes the committee pack (\"Status på partnerskabsaftale\") as the portal prints it to this PDF file, instead of the tables.",
        HelpName = "file",
    };

    public static readonly Option<Uri> PortalUrl = CliOptions.ServiceUrl("portal", "PARTNERSKAB_PORTAL_URL", "https://127.0.0.1:5443");

    public static readonly Option<string> PortalCertificate = new("--portal-certificate")
    {
        Description = "PEM certificates trusted for the portal besides the system's ($PARTNERSKAB_PORTAL_CERTIFICATE when it is set), "
            + "e.g. deploy/.run/tls/portal.crt, the local portal's self-signed certificate.",
        HelpName = "file",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PARTNERSKAB_PORTAL_CERTIFICATE") ?? "",
    };

    /// <summary>Downloads the pack as of the day (the portal's today in Copenhagen when null); 0 when written, 2 when refused.</summary>
    public static async Task<int> DownloadAsync(ParseResult result, string partnershipId, Date? asOf, CliConsole cli, CancellationToken cancellationToken)
    {
        var path = result.GetValue(File)!;
        var address = new Uri(result.GetValue(PortalUrl)!, PackPath(partnershipId, asOf));
        using var http = new HttpClient(TrustedCertificates.Handler(result.GetValue(PortalCertificate)!)) { Timeout = TimeSpan.FromSeconds(120) };
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CliOptions.CallerToken(result));
        request.Headers.Accept.ParseAdd("application/pdf");
        request.Headers.Accept.ParseAdd("application/problem+json");
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            await cli.Error.WriteLineAsync($"partnerskab: the portal at {address.GetLeftPart(UriPartial.Authority)} could not be reached: {e.Message}");
            return CliCommands.CouldNotRun;
        }
        using (response)
        {
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "application/pdf")
            {
                await cli.Error.WriteLineAsync($"partnerskab: the portal refused: {await RefusalAsync(response, cancellationToken)}");
                return CliCommands.CouldNotRun;
            }
            var pdf = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            await System.IO.File.WriteAllBytesAsync(path, pdf, cancellationToken);
            await cli.Output.WriteLineAsync($"wrote {path} ({pdf.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
            return 0;
        }
    }

    /// <summary>The pack's address: the partnership's id and the day, never a citizen.</summary>
    public static string PackPath(string partnershipId, Date? asOf) =>
        $"partnerskaber/{Uri.EscapeDataString(partnershipId)}/status?handler=Pdf"
        + (asOf is null ? "" : string.Create(CultureInfo.InvariantCulture, $"&dato={asOf.Year:D4}-{asOf.Month:D2}-{asOf.Day:D2}"));

    /// <summary>"403 Forbidden: reason" from the answer's problem details, or its status alone.</summary>
    private static async Task<string> RefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return status;
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return problem.RootElement.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } text ? $"{status}: {text}" : status;
    }
}
