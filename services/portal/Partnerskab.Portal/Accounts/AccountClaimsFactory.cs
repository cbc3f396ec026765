using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Accounts;

/// <summary>Puts the account's organisation and partnerships into the sign-in cookie beside its roles.</summary>
public sealed class AccountClaimsFactory(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SuiteClaims.Organisation, user.Organisation));
        identity.AddClaim(new Claim(AccountScope.DisplayNameClaim, user.DisplayName));
        IEnumerable<string> partnerships = user.ActsForEveryPartnership
            ? [SuiteClaims.AllPartnerships]
            : user.Partnerships.Select(id => id.ToString());
        identity.AddClaims(partnerships.Select(id => new Claim(SuiteClaims.Partnership, id)));
        return identity;
    }
}
