using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace Partnerskab.Portal.Tests;

/// <summary>Debian's chromium driven by Playwright (whose own browser download does not work here).</summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Where the screenshots go: the test output directory, for a person to look at.</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Tests run as root, where chromium's sandbox cannot start.
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>
    /// A fresh browser context (no cookies) with one page, at the desktop size. The browser asks
    /// for English; the portal answers in Danish all the same until the person switches.
    /// The portal's certificate is a throwaway self-signed one. Without JavaScript the pages work all the same.
    /// </summary>
    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = Desktop, Locale = "en-US", IgnoreHTTPSErrors = true, JavaScriptEnabled = javaScript, AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Checks the page against axe-core's WCAG 2.1 A and AA rules and for reflow, and saves it, at
    /// 1280x800 and 390x844 as "{name}-desktop.png" and "{name}-phone.png".
    /// </summary>
    public static async Task CheckAndCaptureAsync(IPage page, string name)
    {
        foreach (var (size, label) in new[] { (Desktop, "desktop"), (Phone, "phone") })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")
                .ShouldBeEmpty($"{name} at {label}");
            // Reflow (WCAG 1.4.10): the page itself never scrolls sideways; wide tables scroll in their own region.
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(size.Width, $"{name} at {label}");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}-{label}.png"), FullPage = true });
        }
        await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }
}
