using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Partnerskab.Portal.SignIn;

namespace Partnerskab.Portal.Pages.Account;

/// <summary>Sends the browser to the kommune's identity provider (authorization code flow with PKCE); it comes back to the reply page.</summary>
[AllowAnonymous]
public sealed class ProviderChallengeModel(IOptions<PortalOptions> options) : PageModel
{
    public IActionResult OnGet(string? returnUrl)
    {
        if (!options.Value.OpenIdConnect.Enabled) return NotFound();
        var reply = Url.Page("/Account/ProviderReply", new { returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/" });
        return Challenge(new AuthenticationProperties { RedirectUri = reply }, ProviderSignInOptions.Scheme);
    }
}
