using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Partnerskab.Portal.Pages;

/// <summary>The page shown for a refused, unknown or failed request, with its status code.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string TitleKey { get; private set; } = "Error";

    public void OnGet(int code) => Show(code);

    // The status code pages re-execute a refused POST as a POST.
    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        TitleKey = code switch
        {
            StatusCodes.Status403Forbidden => "Forbidden",
            StatusCodes.Status404NotFound => "NotFound",
            StatusCodes.Status400BadRequest => "BadRequest",
            _ => "Error",
        };
        // Identity's access-denied redirect arrives here as 200: the page still says 403.
        Response.StatusCode = code is >= 400 and < 600 ? code : StatusCodes.Status500InternalServerError;
    }
}
