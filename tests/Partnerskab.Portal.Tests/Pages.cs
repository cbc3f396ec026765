using Microsoft.Playwright;

namespace Partnerskab.Portal.Tests;

/// <summary>What a person does on the portal's pages, as Playwright does it.</summary>
public static class Pages
{
    /// <summary>Fills and posts the sign-in form of the page the browser is on; returns the answer to the post.</summary>
    public static async Task<IResponse> SignInAsync(IPage page, string userName, string password)
    {
        await page.GetByLabel("Brugernavn").FillAsync(userName);
        await page.GetByLabel("Adgangskode").FillAsync(password);
        return await SubmitAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync());
    }

    /// <summary>A new page, signed in as the suite's demo account of the role, on the start page.</summary>
    public static async Task<IPage> SignedInAsync(Browser browser, PortalSuite portal, string role)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(portal.Url.ToString());
        await SignInAsync(page, PortalSuite.UserName(role), portal.PasswordOf(role));
        return page;
    }

    /// <summary>A new page, signed in on the start page as a new account of the role for the one partnership, of the partnership's provider.</summary>
    public static async Task<IPage> SignedInForAsync(Browser browser, PortalSuite portal, string role, Partnerskab.Protos.Cohort.V1.Partnership partnership)
    {
        var user = $"demo-{role}-{partnership.PartnershipId[^12..]}";
        var password = PortalSuite.NewPassword();
        var (exitCode, output) = await portal.AddAccountAsync(user, $"Demo {role}", partnership.Provider.Cvr, role, partnership.PartnershipId, password);
        if (exitCode != 0) throw new InvalidOperationException($"add-account {user} failed: {output}");
        var page = await browser.NewPageAsync();
        await page.GotoAsync(portal.Url.ToString());
        await SignInAsync(page, user, password);
        return page;
    }

    /// <summary>
    /// Submits a form and waits until the page it leads to has loaded; returns the answer to the post (before any redirect is followed),
    /// or the first response <paramref name="isAnswer"/> picks.
    /// </summary>
    /// <remarks>
    /// The page's own events are followed from before the submit: waiting for the load state afterwards can miss a load that lands
    /// between Playwright's check and its subscription.
    /// </remarks>
    public static async Task<IResponse> SubmitAsync(IPage page, Func<Task> submit, Func<IResponse, bool>? isAnswer = null)
    {
        isAnswer ??= r => r.Request.Method == "POST";
        IResponse? answer = null;
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnResponse(object? sender, IResponse response)
        {
            if (answer is null && isAnswer(response)) Volatile.Write(ref answer, response);
        }
        void OnLoad(object? sender, IPage loadedPage)
        {
            if (Volatile.Read(ref answer) is not null) loaded.TrySetResult();
        }
        page.Response += OnResponse;
        page.Load += OnLoad;
        try
        {
            await submit();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(90));
            return answer!;
        }
        finally
        {
            page.Response -= OnResponse;
            page.Load -= OnLoad;
        }
    }
}
