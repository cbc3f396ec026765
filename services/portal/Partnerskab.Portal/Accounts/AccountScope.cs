using System.Security.Claims;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Accounts;

/// <summary>What a signed-in person may see, read from their sign-in cookie's claims.</summary>
public sealed class AccountScope(ClaimsPrincipal principal)
{
    public const string DisplayNameClaim = "partnerskab_display_name";

    public string UserName { get; } = principal.Identity?.Name ?? "";

    public string DisplayName { get; } = principal.FindFirstValue(DisplayNameClaim) ?? principal.Identity?.Name ?? "";

    /// <summary>The roles as each identity names them: the session's, or a bearer token's "role" claims.</summary>
    public IReadOnlyList<string> Roles { get; } = principal.Identities.SelectMany(identity => identity.FindAll(identity.RoleClaimType)).Select(c => c.Value).ToList();

    public string? Organisation { get; } = principal.FindFirstValue(SuiteClaims.Organisation);

    /// <summary>Partnership ids, or [<see cref="SuiteClaims.AllPartnerships"/>].</summary>
    public IReadOnlyList<string> Partnerships { get; } = principal.FindAll(SuiteClaims.Partnership).Select(c => c.Value).ToList();

    public bool HasRole(string role) => Roles.Contains(role);

    public bool MayActFor(Guid partnershipId) =>
        Partnerships.Contains(SuiteClaims.AllPartnerships) || Partnerships.Contains(partnershipId.ToString());

    /// <summary>Who the services see: the person, with their suite roles (the portal's administrator role is not one).</summary>
    public TokenSubject TokenSubject() =>
        new(UserName, [.. Roles.Where(SuiteRoles.Outside.Contains)], Organisation, Partnerships);
}
