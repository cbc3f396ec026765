using System.Net;
using Microsoft.Playwright;
using Partnerskab.Portal.Accounts;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class AdministrationTests(PortalSuite portal, Browser browser)
{
    [Fact]
    public async Task The_administrator_creates_an_account_that_then_signs_in_with_its_role_and_partnership()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Url, "/admin/konti").ToString());
        await Pages.SignInAsync(page, PortalSuite.UserName(PortalRoles.Administrator), portal.PasswordOf(PortalRoles.Administrator));
        page.Url.ShouldEndWith("/admin/konti");
        await Browser.CheckAndCaptureAsync(page, "accounts");

        var password = PortalSuite.NewPassword();
        await FillAsync(page, "udvalg.formand", "Udvalgets formand", "12", SuiteRoles.Committee, portal.ReferencePartnershipId, password);
        var refused = page.WaitForResponseAsync(r => r.Request.Method == "POST");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opret konto" }).ClickAsync();
        (await refused).Status.ShouldBe((int)HttpStatusCode.BadRequest);
        (await page.Locator("#create-problems").InnerTextAsync()).ShouldContain("CVR-nummeret skal være 8 cifre.");
        (await page.Locator("tbody th", new() { HasText = "udvalg.formand" }).CountAsync()).ShouldBe(0);
        await Browser.CheckAndCaptureAsync(page, "accounts-refused");

        await FillAsync(page, "udvalg.formand", "Udvalgets formand", "29189420", SuiteRoles.Committee, portal.ReferencePartnershipId, password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Opret konto" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("created=udvalg.formand"));
        (await page.Locator("tbody tr", new() { HasText = "udvalg.formand" }).InnerTextAsync())
            .ShouldBe($"udvalg.formand\tUdvalgets formand\t29189420\tUdvalg\t{portal.ReferencePartnershipId}");

        var person = await browser.NewPageAsync();
        await person.GotoAsync(portal.Url.ToString());
        await Pages.SignInAsync(person, "udvalg.formand", password);
        (await person.Locator($"a[href='/partnerskaber/{portal.ReferencePartnershipId}']").CountAsync()).ShouldBe(1);
    }

    private static async Task FillAsync(IPage page, string userName, string name, string cvr, string role, string partnership, string password)
    {
        await page.GetByLabel("Brugernavn").FillAsync(userName);
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Organisationens CVR-nummer").FillAsync(cvr);
        await page.Locator($"#role-{role}").SetCheckedAsync(true);
        await page.GetByLabel("Partnerskaber (id'er)").FillAsync(partnership);
        await page.GetByLabel("Første adgangskode").FillAsync(password);
    }
}
