namespace Partnerskab.Gateway.OpenApi;

/// <summary>
/// The API page beside the OpenAPI document: ReDoc rendering /openapi/v1.json, with ReDoc's
/// script served by the gateway itself (vendor/redoc, built into the gateway), so the page works
/// on a network without the internet. The page has no inline script: ReDoc starts from the
/// redoc element's spec-url attribute.
/// </summary>
public static class ApiPage
{
    public const string PagePath = "/api";
    public const string ScriptPath = "/api/redoc.standalone.js";
    public const string ScriptResourceName = "redoc.standalone.js";

    /// <summary>
    /// Scripts only from the gateway. ReDoc's search index runs in a web worker that it makes
    /// from its own bundle as a blob: URL (worker-src blob:). ReDoc styles with styled-components,
    /// which writes style elements and style attributes at run time, so style-src needs
    /// 'unsafe-inline'; styles cannot run code, and nothing else is allowed to load. (ReDoc's
    /// sidebar shows Redocly's logo from Redocly's CDN: img-src refuses it, and ReDoc leaves it out.)
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; worker-src blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public const string Html = $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Partnerskab API</title>
        <link rel="icon" href="data:,">
        </head>
        <body>
        <noscript><p>This page shows the OpenAPI document <a href="{OpenApiDocument.ServedPath}">{OpenApiDocument.ServedPath}</a>
        with ReDoc, which needs JavaScript. The document itself is plain JSON.</p></noscript>
        <redoc spec-url="{OpenApiDocument.ServedPath}"></redoc>
        <script src="{ScriptPath}"></script>
        </body>
        </html>

        """;

    public static WebApplication MapApiPage(this WebApplication app)
    {
        app.MapGet(OpenApiDocument.ServedPath, () => Results.Stream(OpenApiDocument.Committed(), "application/json")).AllowAnonymous();
        app.MapGet(PagePath, (HttpContext context) =>
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return Results.Content(Html, "text/html; charset=utf-8");
        }).AllowAnonymous();
        app.MapGet(ScriptPath, (HttpContext context) =>
        {
            // The same bytes until the gateway is rebuilt: a day in the browser's cache.
            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Stream(Script(), "text/javascript; charset=utf-8");
        }).AllowAnonymous();
        return app;
    }

    private static Stream Script() =>
        typeof(ApiPage).Assembly.GetManifestResourceStream(ScriptResourceName)
        ?? throw new InvalidOperationException($"The gateway was built without {ScriptResourceName}.");
}
