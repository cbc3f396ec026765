using Microsoft.Playwright;

namespace Partnerskab.Portal.Tests;

/// <summary>What a person does on the portal's pages, as Playwright does it.</summary>
public static class Pages
{
    /// <summary>Fills and posts the sign-in form of the page the browser is on; returns the answer to the post.</summary>
    public static async Task<IResponse?> SignInAsync(IPage page, string userName, string password)
    {
        await page.GetByLabel("Brugernavn").FillAsync(userName);
        await page.GetByLabel("Adgangskode").FillAsync(password);
        var post = page.WaitForResponseAsync(r => r.Request.Method == "POST");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        var response = await post;
        await page.WaitForLoadStateAsync(LoadState.Load);
        return response;
    }
}
