using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Partnerskab.Portal.Accounts;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.SignIn;

/// <summary>
/// Turns a sign-in at the identity provider into the portal's own session cookie, the same one a
/// local account gets (idle timeout, sign-out), with the provider's ID token kept in it for
/// signing out at the provider. Roles and scope come from the provider's claims or, when it
/// sends no roles, from the local account linked to the provider's subject (linked at the first
/// sign-in by the account's user name).
/// </summary>
public sealed class ProviderSignIn(
    UserManager<PortalUser> users, SignInManager<PortalUser> signIn, IOptions<PortalOptions> options, ILogger<ProviderSignIn> log)
{
    /// <summary>Marks a session whose roles and scope the provider's claims gave: there is no local account to check it against.</summary>
    public const string FromClaimsMarker = "partnerskab_provider_claims";

    public static bool IsFromClaims(ClaimsPrincipal? principal) => principal?.HasClaim(c => c.Type == FromClaimsMarker) == true;

    /// <summary>Signs the person in; null when done, else the refusal (nothing is signed in then).</summary>
    public async Task<ProviderMapping.Refused?> SignInAsync(HttpContext context, AuthenticateResult external)
    {
        var mapping = ProviderClaimsMapping.Map(external.Principal!.Claims, options.Value.OpenIdConnect);
        var session = new AuthenticationProperties();
        var idToken = external.Properties?.GetTokenValue("id_token");
        if (idToken is not null) session.StoreTokens([new AuthenticationToken { Name = "id_token", Value = idToken }]);
        switch (mapping)
        {
            case ProviderMapping.FromClaims mapped:
                await context.SignInAsync(IdentityConstants.ApplicationScheme, Principal(mapped), session);
                log.LogInformation("{User} signed in through the identity provider with roles {Roles} from its claims", mapped.Person.UserName, mapped.Roles);
                return null;
            case ProviderMapping.FromAccount account:
                var user = await LinkedAccountAsync(account.Person);
                if (user is null) return new ProviderMapping.Refused("ProviderNoAccount", account.Person.UserName);
                if (await users.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user)) return new ProviderMapping.Refused("SignInLockedOut");
                await signIn.SignInWithClaimsAsync(user, session, [new Claim("amr", "external")]);
                log.LogInformation("{User} signed in through the identity provider to their account", user.UserName);
                return null;
            default:
                var refused = (ProviderMapping.Refused)mapping;
                log.LogWarning("Sign-in through the identity provider refused: {Reason}", refused.ReasonKey);
                return refused;
        }
    }

    /// <summary>The account linked to the provider's subject; else the not yet linked account of the same user name, linked now.</summary>
    private async Task<PortalUser?> LinkedAccountAsync(ProviderPerson person)
    {
        var linked = await users.FindByLoginAsync(ProviderSignInOptions.Scheme, person.Subject);
        if (linked is not null) return linked;
        var named = await users.FindByNameAsync(person.UserName);
        if (named is null || (await users.GetLoginsAsync(named)).Any(login => login.LoginProvider == ProviderSignInOptions.Scheme)) return null;
        var added = await users.AddLoginAsync(named, new UserLoginInfo(ProviderSignInOptions.Scheme, person.Subject, options.Value.OpenIdConnect.DisplayName));
        return added.Succeeded ? named : null;
    }

    private static ClaimsPrincipal Principal(ProviderMapping.FromClaims mapped)
    {
        var identity = new ClaimsIdentity(IdentityConstants.ApplicationScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, $"{ProviderSignInOptions.Scheme}:{mapped.Person.Subject}"));
        identity.AddClaim(new Claim(ClaimTypes.Name, mapped.Person.UserName));
        identity.AddClaim(new Claim(AccountScope.DisplayNameClaim, mapped.Person.DisplayName));
        identity.AddClaim(new Claim(SuiteClaims.Organisation, mapped.Organisation));
        identity.AddClaim(new Claim(FromClaimsMarker, "true"));
        identity.AddClaims(mapped.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        identity.AddClaims(mapped.Partnerships.Select(id => new Claim(SuiteClaims.Partnership, id)));
        return new ClaimsPrincipal(identity);
    }
}

/// <summary>
/// Checks a session against its account every minute, as Identity does, except a session whose
/// roles and scope the provider's claims gave: it has no account, and lasts until idle or signed out.
/// </summary>
public sealed class PortalSecurityStampValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<PortalUser> signIn, ILoggerFactory logger)
    : SecurityStampValidator<PortalUser>(options, signIn, logger)
{
    public override Task ValidateAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context) =>
        ProviderSignIn.IsFromClaims(context.Principal) ? Task.CompletedTask : base.ValidateAsync(context);
}
