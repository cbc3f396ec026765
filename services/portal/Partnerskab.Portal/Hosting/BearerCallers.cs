using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Partnerskab.ServiceDefaults.Access;

namespace Partnerskab.Portal.Hosting;

/// <summary>
/// Programs (the CLI) that ask a page for a file with a bearer token of the suite instead of a
/// person's session: the token is validated exactly as the services validate it, and its roles
/// and partnerships decide access as a signed-in person's would. Only pages that name
/// <see cref="PersonOrBearer"/> accept one; a refusal is answered with problem details (RFC 9457).
/// </summary>
public static class BearerCallers
{
    /// <summary>The suite's bearer tokens.</summary>
    public const string BearerScheme = "SuiteBearer";

    /// <summary>A request with a bearer token is judged by the token, any other by the person's session.</summary>
    public const string PersonOrBearer = "PersonOrBearer";

    /// <summary>
    /// The trusted JWKS is Auth:TrustedKeysFile, as for the services; unset, the "trusted.jwks"
    /// beside the portal's own key (the key directory's layout).
    /// </summary>
    public static void AddBearerCallers(this WebApplicationBuilder builder, PortalOptions portal)
    {
        var configured = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>()?.TrustedKeysFile;
        var trustedKeysFile = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(portal.SigningKeyFile))!, "trusted.jwks")
            : configured;
        builder.Services.Configure<AuthOptions>(options => options.TrustedKeysFile = trustedKeysFile);
        builder.Services.AddAuthentication()
            .AddSuiteBearerTokens(BearerScheme)
            .AddPolicyScheme(PersonOrBearer, PersonOrBearer, options =>
                options.ForwardDefaultSelector = context => HasBearerToken(context.Request) ? BearerScheme : IdentityConstants.ApplicationScheme);
    }

    public static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>A program gets problem details for a refusal, not the page a person would see.</summary>
    public static void UseBearerProblems(this WebApplication app) =>
        app.UseWhen(context => HasBearerToken(context.Request), bearer => bearer.UseStatusCodePages(WriteProblemAsync));

    private static Task WriteProblemAsync(StatusCodeContext context)
    {
        var status = context.HttpContext.Response.StatusCode;
        var detail = status switch
        {
            StatusCodes.Status401Unauthorized => "The bearer token is missing, expired or not signed by a trusted issuer of the suite.",
            StatusCodes.Status403Forbidden => "The token's roles or partnerships do not allow this.",
            StatusCodes.Status404NotFound => "There is no such page or partnership.",
            _ => null,
        };
        return TypedResults.Problem(detail, statusCode: status).ExecuteAsync(context.HttpContext);
    }
}
