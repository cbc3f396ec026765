using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskab.Portal.Accounts;

namespace Partnerskab.Portal.Pages.Account;

/// <summary>
/// The second step of signing in to an account with two-factor on: a code from the authenticator
/// app, or one of the recovery codes (each works once). Wrong codes count towards lock-out like
/// wrong passwords. Only reachable after the password was right (Identity's two-factor cookie).
/// </summary>
[AllowAnonymous]
public sealed class TwoFactorSignInModel(SignInManager<PortalUser> signIn) : PageModel
{
    public string ReturnUrl { get; private set; } = "/";
    public string? ProblemKey { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();
    }

    public Task<IActionResult> OnPostAsync(string? code, string? returnUrl) =>
        SignInAsync(returnUrl, () => new string((code ?? "").Where(char.IsAsciiDigit).ToArray()) is { Length: 6 } typed
            ? signIn.TwoFactorAuthenticatorSignInAsync(typed, isPersistent: false, rememberClient: false)
            : Task.FromResult(Microsoft.AspNetCore.Identity.SignInResult.Failed));

    public Task<IActionResult> OnPostRecoveryAsync(string? recoveryCode, string? returnUrl) =>
        SignInAsync(returnUrl, () => (recoveryCode ?? "").Replace(" ", "", StringComparison.Ordinal) is { Length: > 0 } typed
            ? signIn.TwoFactorRecoveryCodeSignInAsync(typed)
            : Task.FromResult(Microsoft.AspNetCore.Identity.SignInResult.Failed));

    /// <param name="attempt">Started only after the check that a password was right (one operation at a time on the accounts database).</param>
    private async Task<IActionResult> SignInAsync(string? returnUrl, Func<Task<Microsoft.AspNetCore.Identity.SignInResult>> attempt)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("/Account/SignIn");
        var result = await attempt();
        if (result.Succeeded) return LocalRedirect(ReturnUrl);
        ProblemKey = result.IsLockedOut ? "SignInLockedOut" : "TwoFactorCodeWrong";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
