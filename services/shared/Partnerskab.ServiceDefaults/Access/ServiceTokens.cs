using Microsoft.Extensions.Options;
using Partnerskab.Tokens;

namespace Partnerskab.ServiceDefaults.Access;

/// <summary>The bearer token a service sends on its own calls, signed with its own key and renewed before it expires.</summary>
public sealed class ServiceTokens(string serviceName, IOptions<AuthOptions> options)
{
    private readonly Lock gate = new();
    private TokenIssuer? issuer;
    private string token = "";
    private DateTime renewAt;

    public string Current()
    {
        lock (gate)
        {
            if (DateTime.UtcNow < renewAt) return token;
            var settings = options.Value;
            issuer ??= new TokenIssuer(SigningKeys.ReadKey(settings.ServiceKeyFile
                ?? throw new InvalidOperationException($"Configure {AuthOptions.Section}:ServiceKeyFile: this service calls another one.")));
            token = issuer.Issue(new TokenSubject(serviceName, [SuiteRoles.Service], null, [SuiteClaims.AllPartnerships]),
                settings.ServiceTokenLifetime);
            renewAt = DateTime.UtcNow + settings.ServiceTokenLifetime / 2;
            return token;
        }
    }
}
