using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.SignIn;

namespace Partnerskab.Portal.Pages.Account;

/// <summary>
/// Optional two-factor sign-in with a TOTP authenticator app: enrol by typing the key (or pasting
/// the otpauth URI) into the app and confirming one code; the recovery codes are shown once then.
/// A person with two-factor on can make new recovery codes or turn it off.
/// </summary>
public sealed class TwoFactorModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn) : PageModel
{
    public const int RecoveryCodeCount = 10;

    public bool Enabled { get; private set; }
    public string Key { get; private set; } = "";
    public string Uri { get; private set; } = "";
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Shown once, right after they are made.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public string? ProblemKey { get; private set; }
    public string? NoticeKey { get; private set; }

    public async Task OnGetAsync(string? besked)
    {
        NoticeKey = besked is "TwoFactorDisabled" ? besked : null;
        await LoadAsync(await CurrentAsync());
    }

    public async Task<IActionResult> OnPostEnableAsync(string? code)
    {
        var user = await CurrentAsync();
        var typed = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (typed.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, typed))
        {
            ProblemKey = "TwoFactorCodeWrong";
            await LoadAsync(user);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        // Turning it on changes the security stamp: renew the person's sign-in cookie so they stay signed in.
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await CurrentAsync();
        if (!await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage();
        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await CurrentAsync();
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key: the app's old entry no longer works if two-factor is turned on again.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage(new { besked = "TwoFactorDisabled" });
    }

    /// <summary>A person whose roles the identity provider's claims gave has no account here: their second factor is the provider's.</summary>
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (ProviderSignIn.IsFromClaims(User)) context.Result = NotFound();
    }

    private async Task<PortalUser> CurrentAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in account no longer exists.");

    private async Task LoadAsync(PortalUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        Key = key;
        Uri = AuthenticatorUri.For(user.UserName ?? "", key);
    }
}
