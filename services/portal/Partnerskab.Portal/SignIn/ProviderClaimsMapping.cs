using System.Security.Claims;
using System.Text.RegularExpressions;
using Partnerskab.Portal.Accounts;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.SignIn;

/// <summary>Who the provider says the person is: its stable subject, the user name and the name to show.</summary>
public sealed record ProviderPerson(string Subject, string UserName, string DisplayName);

/// <summary>What a sign-in through the identity provider gives.</summary>
public abstract record ProviderMapping
{
    private ProviderMapping() { }

    /// <summary>The provider's claims carry the person's roles, organisation and partnerships.</summary>
    public sealed record FromClaims(ProviderPerson Person, IReadOnlyList<string> Roles, string Organisation, IReadOnlyList<string> Partnerships) : ProviderMapping;

    /// <summary>The provider proves only who the person is: their local account gives the rest.</summary>
    public sealed record FromAccount(ProviderPerson Person) : ProviderMapping;

    /// <summary>Refused: a resource key saying why, and the provider's value at fault (if one).</summary>
    public sealed record Refused(string ReasonKey, string? Value = null) : ProviderMapping;
}

/// <summary>
/// Maps the identity provider's claims (after sign-in, claim types as the provider names them)
/// to the portal's roles and scope, as configured. No role claim at all: the local account
/// decides; role claims of which none maps: refused, not left to the account.
/// </summary>
public static partial class ProviderClaimsMapping
{
    public static ProviderMapping Map(IEnumerable<Claim> claims, ProviderSignInOptions options)
    {
        var all = claims.ToList();
        var subject = Single(all, "sub");
        if (subject is null) return new ProviderMapping.Refused("ProviderNoSubject");
        var userName = Single(all, options.UserNameClaim);
        if (userName is null) return new ProviderMapping.Refused("ProviderNoUserName", options.UserNameClaim);
        var person = new ProviderPerson(subject, userName, Single(all, options.NameClaim) ?? userName);

        var roleValues = Values(all, options.RoleClaim);
        if (roleValues.Count == 0) return new ProviderMapping.FromAccount(person);
        var roles = roleValues.Select(value => PortalRole(value, options)).OfType<string>().Distinct().ToList();
        if (roles.Count == 0) return new ProviderMapping.Refused("ProviderNoRole", string.Join(", ", roleValues));

        var organisation = Single(all, options.OrganisationClaim);
        if (organisation is null || !Cvr().IsMatch(organisation)) return new ProviderMapping.Refused("ProviderOrganisationInvalid", organisation);
        var partnerships = Values(all, options.PartnershipClaim);
        var notPartnership = partnerships.FirstOrDefault(value => value != SuiteClaims.AllPartnerships && !Guid.TryParse(value, out _));
        if (notPartnership is not null) return new ProviderMapping.Refused("ProviderPartnershipInvalid", notPartnership);
        var scope = partnerships.Contains(SuiteClaims.AllPartnerships)
            ? [SuiteClaims.AllPartnerships]
            : partnerships.Select(value => Guid.Parse(value).ToString()).Distinct().ToList();
        return new ProviderMapping.FromClaims(person, roles, organisation, scope);
    }

    private static string? PortalRole(string value, ProviderSignInOptions options)
    {
        if (options.RoleValues.Count == 0) return PortalRoles.All.FirstOrDefault(role => role.Equals(value, StringComparison.OrdinalIgnoreCase));
        var mapped = options.RoleValues.FirstOrDefault(pair => pair.Key.Equals(value, StringComparison.OrdinalIgnoreCase)).Value;
        return mapped is not null && PortalRoles.All.Contains(mapped) ? mapped : null;
    }

    private static string? Single(List<Claim> claims, string type) =>
        claims.FirstOrDefault(claim => claim.Type == type && !string.IsNullOrWhiteSpace(claim.Value))?.Value.Trim();

    private static List<string> Values(List<Claim> claims, string type) =>
        [.. claims.Where(claim => claim.Type == type && !string.IsNullOrWhiteSpace(claim.Value)).Select(claim => claim.Value.Trim())];

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex Cvr();
}
