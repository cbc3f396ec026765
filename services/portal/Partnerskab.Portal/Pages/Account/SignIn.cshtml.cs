using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.SignIn;

namespace Partnerskab.Portal.Pages.Account;

/// <summary>Sign-in with user name and password (repeated failures lock the account for a while), or through the kommune's identity provider when one is configured.</summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<PortalUser> signIn, IOptions<PortalOptions> options) : PageModel
{
    /// <summary>The kommune's identity provider, when configured, and whether local accounts are offered beside it.</summary>
    public ProviderSignInOptions Provider { get; } = options.Value.OpenIdConnect;

    public string UserName { get; private set; } = "";
    public string ReturnUrl { get; private set; } = "/";

    /// <summary>The resource key of why sign-in failed; null before a try.</summary>
    public string? ProblemKey { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";

    public async Task<IActionResult> OnPostAsync(string? userName, string? password, string? returnUrl)
    {
        if (!Provider.LocalAccounts) return NotFound();
        UserName = userName?.Trim() ?? "";
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        var result = UserName.Length == 0 || string.IsNullOrEmpty(password)
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(UserName, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(ReturnUrl);
        if (result.RequiresTwoFactor) return RedirectToPage("/Account/TwoFactorSignIn", new { returnUrl = ReturnUrl });
        ProblemKey = result.IsLockedOut ? "SignInLockedOut" : "SignInFailed";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
