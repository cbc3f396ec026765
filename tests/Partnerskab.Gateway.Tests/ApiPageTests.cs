using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Partnerskab.Gateway.OpenApi;
using Shouldly;

namespace Partnerskab.Gateway.Tests;

/// <summary>
/// The API page: ReDoc from the gateway itself, under a Content-Security-Policy without inline
/// script, rendering the served OpenAPI document in the real (Debian) chromium.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ApiPageTests(GatewayFixture fixture)
{
    [Fact]
    public async Task The_page_its_script_and_its_document_are_served_anonymously_from_the_gateway()
    {
        using var http = fixture.Gateway.Client(token: null);

        using var page = await http.GetAsync("api");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var csp = page.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem();
        csp.ShouldContain("script-src 'self';");
        csp.ShouldNotContain("unsafe-eval");
        csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)).ShouldNotContain("unsafe-inline");
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("<redoc spec-url=\"/openapi/v1.json\"></redoc>");
        html.ShouldContain("<script src=\"/api/redoc.standalone.js\"></script>");
        html.ShouldNotContain("http://");
        html.ShouldNotContain("https://");

        using var script = await http.GetAsync("api/redoc.standalone.js");
        script.StatusCode.ShouldBe(HttpStatusCode.OK);
        script.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        (await script.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(500_000);

        using var document = await http.GetAsync("openapi/v1.json");
        document.StatusCode.ShouldBe(HttpStatusCode.OK);
        var openApi = JsonNode.Parse(await document.Content.ReadAsStringAsync())!;
        openApi["openapi"]!.GetValue<string>().ShouldStartWith("3.");
        openApi["paths"]!.AsObject().Count.ShouldBeGreaterThan(40);
    }

    [Fact]
    public async Task Chromium_renders_every_service_under_the_policy_and_loads_nothing_from_elsewhere()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // Tests run as root, where chromium's sandbox cannot start.
            Args = ["--no-sandbox"],
        });
        // The gateway's certificate is from the test's throwaway authority.
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { IgnoreHTTPSErrors = true });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") errors.Add(message.Text);
        };
        page.PageError += (_, error) => errors.Add(error);
        // What the page loaded (a request the policy blocks gets no response).
        var loaded = new List<string>();
        page.Response += (_, answer) => loaded.Add(answer.Url);

        var response = await page.GotoAsync(new Uri(fixture.Gateway.Url, ApiPage.PagePath).ToString());
        response!.Status.ShouldBe(200);

        // ReDoc has read the document: its title, and in its menu every service and one of their operations.
        await page.GetByRole(AriaRole.Heading, new() { Name = "Partnerskab API", Level = 1 }).WaitForAsync(new() { Timeout = 60_000 });
        foreach (var label in new[] { "CohortService", "OutcomeService", "PaymentService", "Jobs", "Get partnership" })
        {
            (await page.GetByRole(AriaRole.Menuitem).Filter(new() { HasText = label }).CountAsync()).ShouldBeGreaterThan(0, label);
        }
        // The search box works: its index is built in ReDoc's blob: worker, which the policy allows.
        await page.GetByPlaceholder("Search...").PressSequentiallyAsync("verify");
        await page.Locator("[data-role='search:results']").GetByRole(AriaRole.Menuitem, new() { Name = "Verify outcome claim" })
            .WaitForAsync(new() { Timeout = 30_000 });

        // The one thing refused: ReDoc's logo from Redocly's CDN, which ReDoc then leaves out.
        errors.Where(e => !(e.Contains("Content Security Policy", StringComparison.Ordinal) && e.Contains("https://cdn.redoc.ly/redoc/logo-mini.svg", StringComparison.Ordinal)))
            .ShouldBeEmpty();
        loaded.Where(url => !url.StartsWith(fixture.Gateway.Url.ToString(), StringComparison.Ordinal) && !url.StartsWith("blob:", StringComparison.Ordinal)
            && !url.StartsWith("data:", StringComparison.Ordinal)).ShouldBeEmpty();
        loaded.ShouldContain(new Uri(fixture.Gateway.Url, OpenApiDocument.ServedPath).ToString());
    }
}
