using System.Net;
using System.Text;
using Partnerskab.Gateway.Jobs;
using Partnerskab.Gateway.Routing;

namespace Partnerskab.Gateway.OpenApi;

/// <summary>
/// The API page beside the OpenAPI document: every route with its method and gRPC method, grouped
/// by service, as plain server-rendered HTML (no script, nothing fetched from elsewhere).
/// </summary>
public static class ApiPage
{
    public static string Render()
    {
        var html = new StringBuilder("""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Partnerskab API</title>
            <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #ccc}
            code{font-size:.95em}</style></head>
            <body>
            <h1>Partnerskab API</h1>
            <p>The machine-readable description is <a href="/openapi/v1.json">/openapi/v1.json</a> (OpenAPI 3). Every call needs
            <code>Authorization: Bearer &lt;token&gt;</code>; errors are <code>application/problem+json</code> (RFC 9457).
            Money is whole øre as an integer, dates are <code>"2024-03-01"</code>, enums are their names.</p>
            """);
        foreach (var service in SuiteService.Descriptors)
        {
            html.Append($"<h2>{Encode(service.Name)}</h2>\n<table><thead><tr><th scope=\"col\">method</th><th scope=\"col\">path</th><th scope=\"col\">gRPC method</th></tr></thead><tbody>\n");
            foreach (var route in RestRoute.Of(service))
            {
                html.Append($"<tr><td>{route.HttpMethod}</td><td><code>{Encode(route.PathTemplate)}</code></td><td>{Encode(route.Rpc.Name)}</td></tr>\n");
            }
            html.Append("</tbody></table>\n");
        }
        html.Append($"<h2>{JobsOpenApi.Tag}</h2>\n<p>Bulk files (<code>text/csv</code> or <code>application/x-ndjson</code>) run by the gateway as the caller; "
            + "<code>?mode=validate</code> checks every row and writes nothing.</p>\n<table><thead><tr><th scope=\"col\">method</th><th scope=\"col\">path</th>"
            + "<th scope=\"col\">gRPC method</th></tr></thead><tbody>\n");
        foreach (var (method, path, rpc) in new[]
        {
            ("POST", JobEndpoints.CitizensRoute, "ImportCitizens, 1,000 rows a stream"),
            ("POST", JobEndpoints.WeeklyStatusesRoute + "?source=...", "ReportWeeklyStatuses, 1,000 rows a stream"),
            ("POST", JobEndpoints.ClaimsRoute, "ClaimOutcome, a row a call"),
            ("POST", JobEndpoints.BankStatementRoute, "RecordPayments, a line a call"),
            ("GET", JobEndpoints.JobRoute, "none: the job's state, progress and results"),
        })
        {
            html.Append($"<tr><td>{method}</td><td><code>{Encode(path)}</code></td><td>{Encode(rpc)}</td></tr>\n");
        }
        html.Append("</tbody></table>\n");
        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
