using System.Net;
using Microsoft.Playwright;
using Shouldly;

namespace Partnerskab.Portal.Tests;

/// <summary>Sign-in through the kommune's own identity provider (a real OpenID Connect provider the suite starts).</summary>
[Collection(PortalCollection.Name)]
public sealed class ProviderSignInTests(PortalSuite portal, Browser browser)
{
    /// <summary>From the portal's sign-in page through the provider's form; returns the answer of the page the provider leads back to.</summary>
    private async Task<IPage> SignInAtProviderAsync(ProviderUser user)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Url, "/log-ind").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = $"Log ind med {PortalSuite.IdentityProviderName}" }).ClickAsync();
        page.Url.ShouldStartWith(portal.IdentityProvider.Authority.ToString());
        await page.GetByLabel("Bruger").FillAsync(user.UserName);
        await page.GetByLabel("Kodeord").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Fortsæt til Partnerskab" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(portal.Url.ToString(), StringComparison.Ordinal) && !url.Contains("/log-ind/udbyder/svar"),
            new() { WaitUntil = WaitUntilState.Load });
        return page;
    }

    [Fact]
    public async Task A_case_worker_whose_roles_come_from_the_providers_claims_works_in_the_mapped_partnership_only_and_signs_out_at_the_provider()
    {
        var signInPage = await browser.NewPageAsync();
        await signInPage.GotoAsync(new Uri(portal.Url, "/log-ind").ToString());
        await Browser.CheckAndCaptureAsync(signInPage, "sign-in-with-provider");

        var page = await SignInAtProviderAsync(portal.CaseWorkerAtProvider);

        page.Url.ShouldBe(portal.Url.ToString());
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Logget ind som Sagsbehandler Sofie");
        (await page.Locator($"a[href='/partnerskaber/{portal.ReferencePartnershipId}']").CountAsync()).ShouldBe(1);
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "partnerskab.external");
        await Browser.CheckAndCaptureAsync(page, "start-kommune-from-provider");

        // The services see the person with the mapped scope: the partnership's citizens are listed to them.
        var citizens = await page.GotoAsync(new Uri(portal.Url, $"/partnerskaber/{portal.ReferencePartnershipId}/borgere").ToString());
        citizens!.Status.ShouldBe((int)HttpStatusCode.OK);
        (await page.Locator("main table tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        var other = await page.GotoAsync(new Uri(portal.Url, $"/partnerskaber/{Guid.NewGuid()}/borgere").ToString());
        other!.Status.ShouldBe((int)HttpStatusCode.Forbidden);

        // Their second factor is the provider's: the portal has no account of theirs to turn it on for.
        (await page.GotoAsync(new Uri(portal.Url, "/konto/totrinsbekraeftelse").ToString()))!.Status.ShouldBe((int)HttpStatusCode.NotFound);

        await page.GotoAsync(portal.Url.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ud" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(new Uri(portal.Url, "/log-ind").ToString(), StringComparison.Ordinal));
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "partnerskab.session");
        // Signed out at the provider too: signing in again asks for the provider's form.
        await page.GetByRole(AriaRole.Link, new() { Name = $"Log ind med {PortalSuite.IdentityProviderName}" }).ClickAsync();
        (await page.GetByLabel("Kodeord").CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_person_the_provider_only_identifies_gets_the_roles_of_the_local_account_of_the_same_user_name()
    {
        var page = await SignInAtProviderAsync(portal.CommitteeMemberAtProvider);

        page.Url.ShouldBe(portal.Url.ToString());
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Logget ind som Udvalgsmedlem Ulla");
        await page.Locator($"a[href='/partnerskaber/{portal.ReferencePartnershipId}']").ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldNotBeEmpty();
        page.Url.ShouldStartWith(new Uri(portal.Url, $"/partnerskaber/{portal.ReferencePartnershipId}").ToString());
        (await page.GotoAsync(new Uri(portal.Url, $"/partnerskaber/{portal.ReferencePartnershipId}/krav").ToString()))!
            .Status.ShouldBe((int)HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_person_whose_provider_roles_map_to_no_portal_role_is_refused_with_a_page_saying_why()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Url, "/log-ind").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = $"Log ind med {PortalSuite.IdentityProviderName}" }).ClickAsync();
        await page.GetByLabel("Bruger").FillAsync(portal.CanteenAtProvider.UserName);
        await page.GetByLabel("Kodeord").FillAsync(portal.CanteenAtProvider.Password);
        var reply = await Pages.SubmitAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Fortsæt til Partnerskab" }).ClickAsync(),
            r => r.Url.Contains("/log-ind/udbyder/svar", StringComparison.Ordinal));
        reply.Status.ShouldBe((int)HttpStatusCode.Forbidden);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Ingen adgang til Partnerskab");
        (await page.Locator("#provider-refusal").InnerTextAsync()).ShouldBe("Ingen af dine roller fra log-ind giver en rolle i Partnerskab.");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Kantine");
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "partnerskab.session");
        await Browser.CheckAndCaptureAsync(page, "sign-in-provider-refused");
        (await page.GotoAsync(portal.Url.ToString()))!.Url.ShouldStartWith(new Uri(portal.Url, "/log-ind").ToString());
    }
}
