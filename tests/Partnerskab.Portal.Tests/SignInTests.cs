using System.Net;
using Microsoft.Playwright;
using Partnerskab.Portal.Accounts;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class SignInTests(PortalSuite portal, Browser browser)
{
    [Fact]
    public async Task A_wrong_password_is_refused_and_the_page_says_so_in_Danish()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(portal.Url.ToString());
        page.Url.ShouldStartWith(new Uri(portal.Url, "/log-ind").ToString());
        await Browser.CheckAndCaptureAsync(page, "sign-in");

        var response = await Pages.SignInAsync(page, PortalSuite.UserName(SuiteRoles.Committee), portal.PasswordOf(SuiteRoles.Committee) + "x");

        response!.Status.ShouldBe((int)HttpStatusCode.Unauthorized);
        (await page.Locator("#sign-in-problem").InnerTextAsync()).ShouldBe("Forkert brugernavn eller adgangskode.");
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "partnerskab.session");
        await Browser.CheckAndCaptureAsync(page, "sign-in-refused");
    }

    [Theory]
    [InlineData(SuiteRoles.Kommune)]
    [InlineData(SuiteRoles.Provider)]
    [InlineData(SuiteRoles.Finance)]
    [InlineData(SuiteRoles.Committee)]
    [InlineData(SuiteRoles.Investor)]
    [InlineData(SuiteRoles.Auditor)]
    [InlineData(SuiteRoles.Operator)]
    [InlineData(PortalRoles.Administrator)]
    public async Task Each_role_signs_in_to_its_start_page_which_lists_what_it_may_see(string role)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(portal.Url.ToString());
        await Pages.SignInAsync(page, PortalSuite.UserName(role), portal.PasswordOf(role));

        page.Url.ShouldBe(portal.Url.ToString());
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Partnerskaber");
        (await page.Locator("main").InnerTextAsync()).ShouldContain($"Logget ind som Demo {role}");
        var partnershipLinks = page.Locator($"a[href='/partnerskaber/{portal.ReferencePartnershipId}']");
        var readsDashboards = role is SuiteRoles.Committee or SuiteRoles.Investor or SuiteRoles.Kommune;
        (await partnershipLinks.CountAsync()).ShouldBe(readsDashboards ? 1 : 0);
        var listsPartnerships = role is not (SuiteRoles.Auditor or SuiteRoles.Operator or PortalRoles.Administrator);
        (await page.Locator("main table").CountAsync()).ShouldBe(listsPartnerships ? 1 : 0);
        (await page.Locator("nav a[href='/admin/konti']").CountAsync()).ShouldBe(role == PortalRoles.Administrator ? 1 : 0);
        await Browser.CheckAndCaptureAsync(page, $"start-{role}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Log ud" }).ClickAsync();
        page.Url.ShouldStartWith(new Uri(portal.Url, "/log-ind").ToString());
        await page.GotoAsync(portal.Url.ToString());
        page.Url.ShouldStartWith(new Uri(portal.Url, "/log-ind").ToString());
    }

    [Fact]
    public async Task The_session_cookie_is_secure_http_only_and_same_site_and_every_page_has_a_policy_without_inline_script()
    {
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync(new Uri(portal.Url, "/log-ind").ToString());
        var policy = await response!.HeaderValueAsync("content-security-policy");
        policy.ShouldNotBeNull();
        policy.ShouldContain("script-src 'self'");
        policy.ShouldNotContain("unsafe-inline");
        policy.ShouldContain("frame-ancestors 'none'");
        (await page.Locator("script").CountAsync()).ShouldBe(0);

        await Pages.SignInAsync(page, PortalSuite.UserName(SuiteRoles.Investor), portal.PasswordOf(SuiteRoles.Investor));
        var cookies = await page.Context.CookiesAsync();
        foreach (var cookie in cookies.Where(c => c.Name.StartsWith("partnerskab.", StringComparison.Ordinal)))
        {
            (cookie.Name, cookie.HttpOnly, cookie.Secure, cookie.SameSite).ShouldBe((cookie.Name, true, true, SameSiteAttribute.Strict));
        }
        cookies.Select(c => c.Name).ShouldContain("partnerskab.session");
        // No token of the services ever reaches the browser: the cookie is the portal's own, encrypted ticket.
        cookies.ShouldAllBe(c => !c.Value.StartsWith("eyJ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_are_served_over_HTTPS_only_while_the_plain_port_answers_health_checks()
    {
        var page = await browser.NewPageAsync();
        var redirect = await page.APIRequest.GetAsync(new Uri(portal.PlainHttpUrl, "/log-ind").ToString(), new() { MaxRedirects = 0 });
        redirect.Status.ShouldBe((int)HttpStatusCode.TemporaryRedirect);
        redirect.Headers["location"].ShouldBe(new Uri(portal.Url, "/log-ind").ToString());
        (await page.APIRequest.GetAsync(new Uri(portal.PlainHttpUrl, "/health/ready").ToString())).Status.ShouldBe((int)HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Url, "/log-ind").ToString());
        var response = await page.APIRequest.PostAsync(new Uri(portal.Url, "/log-ind").ToString(), new APIRequestContextOptions
        {
            Form = page.APIRequest.CreateFormData()
                .Set("userName", PortalSuite.UserName(SuiteRoles.Committee)).Set("password", portal.PasswordOf(SuiteRoles.Committee)),
            MaxRedirects = 0,
        });
        response.Status.ShouldBe((int)HttpStatusCode.BadRequest);
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "partnerskab.session");
    }

    [Fact]
    public async Task An_account_is_locked_after_five_wrong_passwords_even_for_the_right_one()
    {
        var password = PortalSuite.NewPassword();
        var (exitCode, output) = await portal.AddAccountAsync("lockout-test", "Lockout Test", "29189420", SuiteRoles.Committee, portal.ReferencePartnershipId, password);
        exitCode.ShouldBe(0, output);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Url, "/log-ind").ToString());
        for (var i = 0; i < 5; i++) await Pages.SignInAsync(page, "lockout-test", "Wrong-password-1");

        await Pages.SignInAsync(page, "lockout-test", password);

        (await page.Locator("#sign-in-problem").InnerTextAsync()).ShouldStartWith("Kontoen er midlertidigt spærret");
    }
}
