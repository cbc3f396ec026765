namespace Partnerskab.Portal.Hosting;

/// <summary>
/// Headers on every answer: a Content-Security-Policy that allows only the portal's own files
/// (no inline script, no other origin), no framing, no sniffing, no referrer to other sites.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy; forms may lead only to the portal itself, and to the identity provider (signing out there) when one is configured.</summary>
    public static string ContentSecurityPolicy(Uri? identityProvider) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        $"connect-src 'self'; form-action 'self'{(identityProvider is null ? "" : " " + identityProvider.GetLeftPart(UriPartial.Authority))}; " +
        "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, Uri? identityProvider)
    {
        var policy = ContentSecurityPolicy(identityProvider);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                // Pages carry personal and financial figures: no shared cache keeps them.
                if (!context.Request.Path.StartsWithSegments("/css") && !context.Request.Path.StartsWithSegments("/js")) headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
