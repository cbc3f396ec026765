using System.Security.Claims;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.Tokens;

namespace Partnerskab.Gateway.Jobs;

/// <summary>
/// The gateway runs a bulk job as the caller who posted it, the way the portal calls as the
/// signed-in person: it keeps the caller's claims (subject, roles, organisation, partnerships),
/// never the bearer token, and signs a short-lived token with them under its own issuer for each
/// call, so the services' access rules and audit log see that caller.
/// </summary>
public sealed class CallerTokens(IOptions<GatewayOptions> options)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private readonly Lazy<TokenIssuer> issuer = new(() => new TokenIssuer(SigningKeys.ReadKey(options.Value.SigningKeyFile)));

    public Metadata HeadersFor(TokenSubject caller) => new() { { "Authorization", $"Bearer {issuer.Value.Issue(caller, Lifetime)}" } };

    /// <summary>Who an authenticated request's token speaks for.</summary>
    public static TokenSubject CallerOf(ClaimsPrincipal user)
    {
        var caller = new Caller(user);
        return new TokenSubject(caller.Subject, caller.Roles, caller.Organisation,
            caller.MayActForEveryPartnership ? [SuiteClaims.AllPartnerships] : [.. caller.Partnerships.Select(id => id.ToString())]);
    }
}
