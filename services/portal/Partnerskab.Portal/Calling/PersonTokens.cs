using Microsoft.Extensions.Options;
using Partnerskab.Portal.Accounts;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Calling;

/// <summary>
/// Signs the short-lived token the portal sends the services for the signed-in person, with the
/// portal's own key, so their access rules and audit log see that person. It never leaves the server.
/// </summary>
public sealed class PersonTokens(IOptions<PortalOptions> options)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private readonly Lazy<TokenIssuer> issuer = new(() => new TokenIssuer(SigningKeys.ReadKey(options.Value.SigningKeyFile)));

    public string For(AccountScope person) => issuer.Value.Issue(person.TokenSubject(), Lifetime);
}
