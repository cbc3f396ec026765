using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using NodaTime;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;
using Partnerskab.Portal.Citizens;
using Partnerskab.Portal.Formatting;
using Partnerskab.Portal.Pages.Account;
using Partnerskab.Portal.Reports;
using Partnerskab.Portal.SignIn;
using Partnerskab.ServiceDefaults.Hosting;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Portal.Hosting;

public static class PortalHosting
{
    public const string SessionCookie = "partnerskab.session";
    public const string LanguageCookie = "partnerskab.language";

    /// <summary>
    /// The portal's endpoint (HTTPS with a configured certificate; otherwise plain HTTP, and then
    /// only on loopback), its accounts database, sign-in, pages in Danish or English, the
    /// services' clients and the PDF printer.
    /// </summary>
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var portal = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        var service = builder.Configuration.GetSection(ServiceOptions.Section).Get<ServiceOptions>() ?? new ServiceOptions();
        if (service.HttpPort <= 0) throw new InvalidOperationException("Configure Service:HttpPort (environment Service__HttpPort): the portal's port.");
        if (string.IsNullOrWhiteSpace(portal.SigningKeyFile)) throw new InvalidOperationException("Configure Portal:SigningKeyFile (environment Portal__SigningKeyFile).");
        var address = IPAddress.Parse(service.ListenAddress);
        if (portal.ServesHttps && portal.HttpsPort <= 0) throw new InvalidOperationException("Configure Portal:HttpsPort beside Portal:CertificateFile.");
        if (!portal.ServesHttps && !IPAddress.IsLoopback(address))
        {
            throw new InvalidOperationException("Without Portal:CertificateFile the portal serves plain HTTP, which it does only on loopback.");
        }
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, service.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
            if (portal.ServesHttps)
            {
                kestrel.Listen(address, portal.HttpsPort, listen => listen.UseHttps(X509Certificate2.CreateFromPemFile(portal.CertificateFile, portal.CertificateKeyFile)));
            }
        });
        builder.Services.AddHttpsRedirection(options => options.HttpsPort = portal.HttpsPort);
        // Secure cookies whenever pages are on HTTPS; only the plain-HTTP loopback mode (development) sends them without.
        var secure = portal.ServesHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));

        var connectionString = builder.Configuration.GetConnectionString(DatabaseExtensions.ConnectionStringName)
            ?? throw new InvalidOperationException("Configure ConnectionStrings:Database (environment ConnectionStrings__Database).");
        builder.Services.AddDbContext<PortalDbContext>(options => options.UsePartnerskabConventions(connectionString));
        builder.Services.AddHealthChecks().AddDbContextCheck<PortalDbContext>(tags: [ServiceDefaultsExtensions.ReadyTag]);
        builder.AddSignIn(portal, secure);

        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(PortalFormat.Danish);
            options.SupportedCultures = options.SupportedUICultures = [PortalFormat.Danish, PortalFormat.English];
            // Danish unless the person chose English: not the browser's language.
            options.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = LanguageCookie }];
        });
        builder.Services.AddRazorPages().AddViewLocalization();
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "partnerskab.antiforgery";
            options.Cookie.SecurePolicy = secure;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
        });
        builder.Services.AddSuiteClients(portal);
        builder.Services.AddHttpClient<Uploads.GatewayJobs>(client =>
            {
                // Without a gateway the upload pages say so and never call this client.
                client.BaseAddress = portal.GatewayUrl ?? new Uri("https://gateway.invalid/");
                client.Timeout = TimeSpan.FromSeconds(60);
            })
            .ConfigurePrimaryHttpMessageHandler(() => Partnerskab.Tokens.TrustedCertificates.Handler(portal.TrustedCertificateFile));
        builder.Services.AddSingleton<IClock>(SystemClock.Instance);
        builder.Services.AddSingleton<CopenhagenCalendar>();
        builder.Services.AddSingleton<PdfPrinter>();
        builder.Services.AddScoped<CommitteeReportReader>();
        builder.Services.AddScoped<BusinessCaseReader>();
        builder.Services.AddScoped<CitizenSearch>();
        builder.Services.AddScoped<CitizenTimelineReader>();
        builder.Services.AddScoped<AccountRegistry>();
        builder.Services.AddScoped<Audit.AuditLogReader>();
        builder.Services.AddSingleton<Operations.ParkedMessages>();
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        return builder;
    }

    private static void AddSignIn(this WebApplicationBuilder builder, PortalOptions portal, CookieSecurePolicy secure)
    {
        builder.Services.AddIdentity<PortalUser, IdentityRole>(identity =>
            {
                identity.Password.RequiredLength = 12;
                identity.Password.RequireDigit = true;
                identity.Password.RequireLowercase = true;
                identity.Password.RequireUppercase = true;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
                identity.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>()
            .AddDefaultTokenProviders();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = SessionCookie;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = secure;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = portal.IdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/log-ind";
            cookie.LogoutPath = "/log-ud";
            cookie.AccessDeniedPath = "/status/403";
        });
        // Between the right password and the second factor: as strict as the session cookie, and short.
        builder.AddShortCookie(IdentityConstants.TwoFactorUserIdScheme, "partnerskab.twofactor", SameSiteMode.Strict, secure);
        // Between the identity provider's answer and the portal's session: sent back from the provider's site (Lax), and short.
        builder.AddShortCookie(IdentityConstants.ExternalScheme, "partnerskab.external", SameSiteMode.Lax, secure);
        builder.AddIdentityProvider(portal, secure);
        builder.AddBearerCallers(portal);
        builder.Services.AddScoped<ISecurityStampValidator, PortalSecurityStampValidator>();
        // A changed account (roles, partnerships, lock-out) takes effect within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(PortalRoles.Administrator, policy => policy.RequireRole(PortalRoles.Administrator));
    }

    /// <summary>A cookie that carries a sign-in half done for five minutes, never to scripts.</summary>
    private static void AddShortCookie(this WebApplicationBuilder builder, string scheme, string name, SameSiteMode sameSite, CookieSecurePolicy secure) =>
        builder.Services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(scheme, cookie =>
        {
            cookie.Cookie.Name = name;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = secure;
            cookie.Cookie.SameSite = sameSite;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });

    /// <summary>The kommune's own OpenID Connect provider, when configured: authorization code flow with PKCE, its answer into the short external cookie.</summary>
    private static void AddIdentityProvider(this WebApplicationBuilder builder, PortalOptions portal, CookieSecurePolicy secure)
    {
        var provider = portal.OpenIdConnect;
        var problems = provider.Problems();
        if (problems.Count > 0) throw new InvalidOperationException(string.Join(" ", problems));
        builder.Services.AddScoped<ProviderSignIn>();
        if (!provider.Enabled) return;
        builder.Services.AddAuthentication().AddOpenIdConnect(ProviderSignInOptions.Scheme, provider.DisplayName, oidc =>
        {
            oidc.Authority = provider.Authority!.ToString();
            oidc.ClientId = provider.ClientId;
            oidc.ClientSecret = provider.ClientSecret;
            oidc.ResponseType = Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectResponseType.Code;
            oidc.UsePkce = true;
            oidc.Scope.Clear();
            foreach (var scope in provider.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries)) oidc.Scope.Add(scope);
            // Claim types stay as the provider names them: the configured claim names are the provider's.
            oidc.MapInboundClaims = false;
            oidc.TokenValidationParameters.NameClaimType = provider.UserNameClaim;
            oidc.SaveTokens = true;
            oidc.SignInScheme = IdentityConstants.ExternalScheme;
            oidc.SignOutScheme = IdentityConstants.ApplicationScheme;
            oidc.CallbackPath = ProviderSignInOptions.CallbackPath;
            oidc.SignedOutCallbackPath = ProviderSignInOptions.SignedOutCallbackPath;
            oidc.SignedOutRedirectUri = "/log-ind";
            oidc.BackchannelHttpHandler = Partnerskab.Tokens.TrustedCertificates.Handler(portal.TrustedCertificateFile);
            oidc.CorrelationCookie.SecurePolicy = secure;
            oidc.NonceCookie.SecurePolicy = secure;
            oidc.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect(ProviderReplyModel.FailedPath);
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        var portal = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value;
        app.UseSecurityHeaders(portal.OpenIdConnect.Authority);
        app.UseExceptionHandler("/status/500");
        if (portal.ServesHttps)
        {
            app.UseHsts();
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        }
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseBearerProblems();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ServiceErrorMiddleware>();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(ServiceDefaultsExtensions.ReadyTag) }).AllowAnonymous();
        app.MapRazorPages();
        return app;
    }
}
