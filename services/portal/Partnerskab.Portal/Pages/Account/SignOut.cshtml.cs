using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.SignIn;

namespace Partnerskab.Portal.Pages.Account;

/// <summary>
/// Sign-out (POST only, with the anti-forgery token): ends the session cookie, and for a person
/// who came through the identity provider also the session there, when the provider advertises
/// an end-session endpoint.
/// </summary>
public sealed class SignOutModel(SignInManager<PortalUser> signIn, IOptions<PortalOptions> options, IOptionsMonitor<OpenIdConnectOptions> providers) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        var idToken = await HttpContext.GetTokenAsync(IdentityConstants.ApplicationScheme, "id_token");
        await signIn.SignOutAsync();
        if (idToken is null || !options.Value.OpenIdConnect.Enabled || !await EndsSessionAsync()) return LocalRedirect("/log-ind");
        // The provider's handler reads the ID token from the request's session cookie as the hint, and brings the browser back to /log-ind.
        return SignOut(new AuthenticationProperties { RedirectUri = "/log-ind" }, ProviderSignInOptions.Scheme);
    }

    private async Task<bool> EndsSessionAsync()
    {
        var provider = providers.Get(ProviderSignInOptions.Scheme);
        var configuration = await provider.ConfigurationManager!.GetConfigurationAsync(HttpContext.RequestAborted);
        return !string.IsNullOrEmpty(configuration.EndSessionEndpoint);
    }
}
