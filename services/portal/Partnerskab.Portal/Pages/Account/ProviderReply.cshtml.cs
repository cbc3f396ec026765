using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskab.Portal.SignIn;

namespace Partnerskab.Portal.Pages.Account;

/// <summary>
/// Where the identity provider's sign-in ends: the portal's session is made from its claims or the
/// linked account, or the person is told why not (403). A signed-in person goes on by a same-site
/// navigation (a refresh from this page), so the strict session cookie goes along with it even
/// when the provider is on another site.
/// </summary>
[AllowAnonymous]
public sealed class ProviderReplyModel(ProviderSignIn providerSignIn) : PageModel
{
    public const string FailedPath = "/log-ind/udbyder/svar?fejl=1";

    public string ReturnUrl { get; private set; } = "/";

    public ProviderMapping.Refused? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl, string? fejl)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (fejl is not null || !external.Succeeded)
        {
            Refusal = new ProviderMapping.Refused("ProviderFailed");
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        Refusal = await providerSignIn.SignInAsync(HttpContext, external);
        if (Refusal is not null) Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
