using System.Collections.Immutable;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Partnerskab.Portal.Tests;

/// <summary>A person the test identity provider knows, with the claims it sends about them.</summary>
public sealed record ProviderUser(string UserName, string Password, string Name, IReadOnlyList<string> Roles, string? Cvr, IReadOnlyList<string> Partnerships)
{
    public string Subject { get; } = $"subject-{Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(UserName)))[..16]}";
}

/// <summary>
/// A real OpenID Connect provider for the portal's tests (OpenIddict, its clients and scopes on the
/// test PostgreSQL, ephemeral keys), on its own HTTPS port on loopback: authorization code flow
/// with PKCE, an end-session endpoint, and a minimal sign-in form a browser fills.
/// </summary>
public sealed class OpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "partnerskab-portal";

    private readonly WebApplication app;
    private readonly Dictionary<string, ProviderUser> users;

    public string ClientSecret { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The issuer: https://127.0.0.1:{port}/.</summary>
    public Uri Authority { get; }

    private OpenIdProvider(WebApplication app, Uri authority, IEnumerable<ProviderUser> users)
    {
        this.app = app;
        Authority = authority;
        this.users = users.ToDictionary(user => user.UserName);
    }

    public static async Task<OpenIdProvider> StartAsync(
        string connectionString, string certificateFile, string keyFile, Uri portal, IEnumerable<ProviderUser> users)
    {
        var port = TestEnvironment.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port,
            listen => listen.UseHttps(X509Certificate2.CreateFromPemFile(certificateFile, keyFile))));
        builder.Services.AddDbContext<ProviderDb>(options => options.UseNpgsql(connectionString).UseOpenIddict());
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie => { cookie.LoginPath = "/login"; cookie.Cookie.Name = "test-provider.session"; });
        builder.Services.AddAuthorization();
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetEndSessionEndpointUris("connect/logout");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes(Scopes.Email, Scopes.Profile, Scopes.Roles);
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                server.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableEndSessionEndpointPassthrough();
            });
        var app = builder.Build();
        var provider = new OpenIdProvider(app, new Uri($"https://127.0.0.1:{port}/"), users);
        await provider.RegisterPortalAsync(portal);
        app.UseAuthentication();
        app.MapGet("/login", (string? returnUrl) => LoginForm(returnUrl ?? "/", problem: false));
        app.MapPost("/login", (Func<HttpContext, Task<IResult>>)provider.LoginAsync);
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)provider.AuthorizeAsync);
        app.MapMethods("/connect/logout", ["GET", "POST"], async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });
        await app.StartAsync();
        return provider;
    }

    private async Task RegisterPortalAsync(Uri portal)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
        await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "Partnerskab",
            RedirectUris = { new Uri(portal, "signin-oidc") },
            PostLogoutRedirectUris = { new Uri(portal, "signout-callback-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile, Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    private async Task<IResult> LoginAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var returnUrl = form["returnUrl"].ToString();
        if (!users.TryGetValue(form["username"].ToString(), out var user) || user.Password != form["password"].ToString())
        {
            return LoginForm(returnUrl, problem: true);
        }
        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName));
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl.StartsWith("/connect/", StringComparison.Ordinal) ? returnUrl : "/");
    }

    /// <summary>Signed in at the provider: the code for the portal, with the person's claims in the ID token; else the sign-in form first.</summary>
    private async Task<IResult> AuthorizeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (!session.Succeeded)
        {
            var self = context.Request.Path + QueryString.Create(context.Request.HasFormContentType ? context.Request.Form : context.Request.Query);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = self }, [CookieAuthenticationDefaults.AuthenticationScheme]);
        }
        var user = users[session.Principal!.Identity!.Name!];
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject)
            .SetClaim(Claims.PreferredUsername, user.UserName)
            .SetClaim(Claims.Name, user.Name)
            .SetClaims("roles", [.. user.Roles])
            .SetClaims("partnerships", [.. user.Partnerships]);
        if (user.Cvr is not null) identity.SetClaim("cvr", user.Cvr);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult LoginForm(string returnUrl, bool problem) => Results.Content(
        $"""
        <!DOCTYPE html>
        <html lang="da"><head><meta charset="utf-8"><title>Kommunens log-ind</title></head>
        <body><main><h1>Kommunens log-ind</h1>
        {(problem ? "<p role=\"alert\">Forkert brugernavn eller adgangskode.</p>" : "")}
        <form method="post" action="/login">
        <input type="hidden" name="returnUrl" value="{HtmlEncoder.Default.Encode(returnUrl)}">
        <label for="username">Bruger</label> <input id="username" name="username">
        <label for="password">Kodeord</label> <input id="password" name="password" type="password">
        <button type="submit">Fortsæt til Partnerskab</button>
        </form></main></body></html>
        """, "text/html; charset=utf-8", statusCode: problem ? 401 : 200);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>OpenIddict's applications, authorizations, scopes and tokens.</summary>
public sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
