using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partnerskab.Portal.Formatting;
using Partnerskab.Portal.Hosting;

namespace Partnerskab.Portal.Pages;

/// <summary>The language switch: remembers Danish or English in a cookie and goes back to the page.</summary>
[AllowAnonymous]
public sealed class LanguageModel : PageModel
{
    public IActionResult OnPost(string? language, string? returnUrl)
    {
        var culture = language == "en" ? PortalFormat.English : PortalFormat.Danish;
        Response.Cookies.Append(PortalHosting.LanguageCookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, Secure = Request.IsHttps, SameSite = SameSiteMode.Strict, IsEssential = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
