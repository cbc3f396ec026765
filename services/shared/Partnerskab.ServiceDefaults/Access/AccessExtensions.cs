using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Partnerskab.Tokens;

namespace Partnerskab.ServiceDefaults.Access;

public static class AccessExtensions
{
    /// <summary>
    /// Bearer tokens on every call (anonymous only for health checks), the service's access
    /// policy, and the service's own identity for the calls it makes.
    /// </summary>
    public static WebApplicationBuilder AddAccessControl(this WebApplicationBuilder builder, string serviceName, AccessPolicy policy)
    {
        builder.AddBearerTokens();
        builder.Services.AddSingleton(policy);
        builder.Services.Configure<CallLimitOptions>(builder.Configuration.GetSection(CallLimitOptions.Section));
        builder.Services.AddSingleton<CallRateLimiter>();
        builder.Services.AddSingleton(services => new ServiceTokens(serviceName, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>()));
        return builder;
    }

    /// <summary>
    /// The suite's bearer tokens (JWT, ES256, keys from the trusted JWKS file) required on every
    /// endpoint that does not allow anonymous callers.
    /// </summary>
    public static WebApplicationBuilder AddBearerTokens(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.Section);
        if (string.IsNullOrWhiteSpace(section.Get<AuthOptions>()?.TrustedKeysFile))
        {
            throw new InvalidOperationException(
                $"Configure {AuthOptions.Section}:TrustedKeysFile (environment Auth__TrustedKeysFile): the JWKS file of the trusted signing keys.");
        }
        builder.Services.Configure<AuthOptions>(section);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddSuiteBearerTokens(JwtBearerDefaults.AuthenticationScheme);
        builder.Services.AddAuthorization(authorization =>
            authorization.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    /// <summary>
    /// The suite's token validation under an authentication scheme: ES256 JWTs of the trusted
    /// issuers for the suite's audience, signed by a key of the trusted JWKS file
    /// (<see cref="AuthOptions.TrustedKeysFile"/>, configured by the caller) that belongs to the
    /// token's issuer. The subject is the name, "role" claims the roles.
    /// </summary>
    public static AuthenticationBuilder AddSuiteBearerTokens(this AuthenticationBuilder authentication, string scheme)
    {
        authentication.Services.TryAddSingleton<TrustedKeys>();
        authentication.AddJwtBearer(scheme);
        authentication.Services.AddOptions<JwtBearerOptions>(scheme)
            .Configure<TrustedKeys>((jwt, trustedKeys) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    IssuerValidator = (issuer, _, _) => SigningKeys.PersonIssuers.Contains(issuer) || issuer.StartsWith(SigningKeys.ServiceIssuer(""), StringComparison.Ordinal)
                        ? issuer
                        : throw new SecurityTokenInvalidIssuerException($"Issuer {issuer} is not trusted."),
                    ValidAudience = SigningKeys.Audience,
                    ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
                    IssuerSigningKeyResolver = (_, _, keyId, _) => trustedKeys.Resolve(keyId),
                    NameClaimType = SuiteClaims.Subject,
                    RoleClaimType = SuiteClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                jwt.Events = new JwtBearerEvents { OnTokenValidated = context => CheckIssuerVouchesForRoles(context) };
            });
        return authentication;
    }

    // A key vouches only for its own issuer's tokens, and only services' own keys may sign the
    // service role: a leaked token-tool key cannot impersonate a service, nor a service key a person.
    private static Task CheckIssuerVouchesForRoles(TokenValidatedContext context)
    {
        var token = (JsonWebToken)context.SecurityToken;
        var roles = token.Claims.Where(c => c.Type == SuiteClaims.Role).Select(c => c.Value).ToList();
        var isServiceIssuer = !SigningKeys.PersonIssuers.Contains(token.Issuer);
        if (SigningKeys.IssuerOfKey(token.Kid) != token.Issuer)
        {
            context.Fail($"Key {token.Kid} does not belong to issuer {token.Issuer}.");
        }
        else if (isServiceIssuer && (roles is not [SuiteRoles.Service] || token.Issuer != SigningKeys.ServiceIssuer(token.Subject)))
        {
            context.Fail("A service's key signs only that service's own calls.");
        }
        else if (!isServiceIssuer && roles.Contains(SuiteRoles.Service))
        {
            context.Fail("Only a service's own key may sign the service role.");
        }
        return Task.CompletedTask;
    }
}
