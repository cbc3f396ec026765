using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Partnerskab.Tokens;

/// <summary>Who a token speaks for.</summary>
/// <param name="Partnerships">Partnership ids, or [<see cref="SuiteClaims.AllPartnerships"/>].</param>
public sealed record TokenSubject(string Subject, IReadOnlyList<string> Roles, string? Organisation, IReadOnlyList<string> Partnerships);

/// <summary>Signs tokens with one issuer's private key.</summary>
public sealed class TokenIssuer(JsonWebKey privateKey)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = true };

    public string Issuer { get; } = SigningKeys.IssuerOfKey(privateKey.Kid);

    public string Issue(TokenSubject subject, TimeSpan lifetime)
    {
        var claims = new List<Claim> { new(SuiteClaims.Subject, subject.Subject) };
        claims.AddRange(subject.Roles.Select(role => new Claim(SuiteClaims.Role, role)));
        claims.AddRange(subject.Partnerships.Select(id => new Claim(SuiteClaims.Partnership, id)));
        if (subject.Organisation is not null) claims.Add(new Claim(SuiteClaims.Organisation, subject.Organisation));
        var now = DateTime.UtcNow;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = SigningKeys.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(privateKey, SecurityAlgorithms.EcdsaSha256),
        });
    }
}
