using System.Net;
using System.Security.Cryptography;
using Microsoft.Playwright;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class TwoFactorTests(PortalSuite portal, Browser browser)
{
    [Fact]
    public async Task A_person_turns_on_two_factor_and_then_signs_in_with_an_app_code_or_a_recovery_code()
    {
        var password = PortalSuite.NewPassword();
        var (exitCode, output) = await portal.AddAccountAsync("totp.udvalg", "Udvalgsmedlem med app", "29189420", SuiteRoles.Committee, portal.ReferencePartnershipId, password);
        exitCode.ShouldBe(0, output);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(portal.Url.ToString());
        await Pages.SignInAsync(page, "totp.udvalg", password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Totrinsbekræftelse for totp.udvalg" }).ClickAsync();
        (await page.Locator("#two-factor-status").InnerTextAsync()).ShouldStartWith("Totrinsbekræftelse er slået fra.");
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        (await page.Locator("#authenticator-uri").InnerTextAsync()).ShouldBe($"otpauth://totp/Partnerskab:totp.udvalg?secret={key}&issuer=Partnerskab&algorithm=SHA1&digits=6&period=30");
        await Browser.CheckAndCaptureAsync(page, "two-factor-enrol");

        // A code of the wrong time is refused and two-factor stays off.
        await page.GetByLabel("Kode fra appen").FillAsync(Totp(key, DateTimeOffset.UtcNow.AddMinutes(-10)));
        var refused = page.WaitForResponseAsync(r => r.Request.Method == "POST");
        await page.GetByRole(AriaRole.Button, new() { Name = "Slå totrinsbekræftelse til" }).ClickAsync();
        (await refused).Status.ShouldBe((int)HttpStatusCode.BadRequest);
        (await page.Locator("#two-factor-problem").InnerTextAsync()).ShouldBe("Koden er forkert.");

        await page.GetByLabel("Kode fra appen").FillAsync(Totp(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Slå totrinsbekræftelse til" }).ClickAsync();
        (await page.Locator("#two-factor-status").InnerTextAsync()).ShouldBe("Totrinsbekræftelse er slået til. Du har 10 gendannelseskoder tilbage.");
        var recoveryCodes = await page.Locator("#recovery-codes li").AllInnerTextsAsync();
        recoveryCodes.Count.ShouldBe(10);
        await Browser.CheckAndCaptureAsync(page, "two-factor-on");

        // Signing in now asks for the code after the password.
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ud" }).ClickAsync();
        await Pages.SignInAsync(page, "totp.udvalg", password);
        page.Url.ShouldStartWith(new Uri(portal.Url, "/log-ind/kode").ToString());
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "partnerskab.session");
        var twoFactorCookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "partnerskab.twofactor");
        twoFactorCookie.HttpOnly.ShouldBeTrue();
        twoFactorCookie.Secure.ShouldBeTrue();
        await Browser.CheckAndCaptureAsync(page, "two-factor-sign-in");
        await page.GetByLabel("Kode fra appen").FillAsync(Totp(key, DateTimeOffset.UtcNow.AddMinutes(-10)));
        (await PostAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Log ind", Exact = true }))).ShouldBe((int)HttpStatusCode.Unauthorized);
        (await page.Locator("#two-factor-problem").InnerTextAsync()).ShouldBe("Koden er forkert.");
        // The app's next code (the portal accepts a code of the steps around now, as apps and clocks drift).
        await page.GetByLabel("Kode fra appen").FillAsync(Totp(key, DateTimeOffset.UtcNow.AddSeconds(30)));
        (await PostAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Log ind", Exact = true }))).ShouldBe((int)HttpStatusCode.Redirect, "the app's next code is taken");
        page.Url.ShouldBe(portal.Url.ToString());
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Logget ind som Udvalgsmedlem med app");

        // A recovery code works once.
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ud" }).ClickAsync();
        await Pages.SignInAsync(page, "totp.udvalg", password);
        await page.GetByLabel("Gendannelseskode", new() { Exact = true }).FillAsync(recoveryCodes[0]);
        (await PostAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Log ind med gendannelseskoden" }))).ShouldBe((int)HttpStatusCode.Redirect, "an unused recovery code is taken");
        page.Url.ShouldBe(portal.Url.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ud" }).ClickAsync();
        await Pages.SignInAsync(page, "totp.udvalg", password);
        await page.GetByLabel("Gendannelseskode", new() { Exact = true }).FillAsync(recoveryCodes[0]);
        (await PostAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Log ind med gendannelseskoden" }))).ShouldBe((int)HttpStatusCode.Unauthorized);
        (await page.Locator("#two-factor-problem").InnerTextAsync()).ShouldBe("Koden er forkert.");
    }

    [Fact]
    public async Task The_second_step_is_refused_without_the_right_password_first()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Url, "/log-ind/kode").ToString());
        page.Url.ShouldStartWith(new Uri(portal.Url, "/log-ind").ToString());
        page.Url.ShouldNotContain("/kode");
    }

    /// <summary>Clicks a form's button and answers the status of the post (before any redirect is followed).</summary>
    private static async Task<int> PostAsync(IPage page, ILocator button)
    {
        return (await Pages.SubmitAsync(page, () => button.ClickAsync())).Status;
    }

    /// <summary>RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits) of a base32 key, as an authenticator app computes it.</summary>
    private static string Totp(string base32Key, DateTimeOffset at)
    {
        var step = at.ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
