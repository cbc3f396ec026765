using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskab.Portal.Accounts;

namespace Partnerskab.Portal.Pages.Account;

/// <summary>Sign-out (POST only, with the anti-forgery token): ends the session cookie.</summary>
public sealed class SignOutModel(SignInManager<PortalUser> signIn) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/log-ind");
    }
}
