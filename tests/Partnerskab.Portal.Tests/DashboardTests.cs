using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Partnerskab.Portal.Formatting;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario;
using Partnerskab.Scenario.Haderslev;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class DashboardTests(PortalSuite portal, Browser browser)
{
    private string Dashboard => new Uri(portal.Url, $"/partnerskaber/{portal.ReferencePartnershipId}").ToString();
    private string Pack => $"{Dashboard}/status";

    private Task<IPage> SignedInAsync(string role) => Pages.SignedInAsync(browser, portal, role);

    [Theory]
    [InlineData(SuiteRoles.Committee)]
    [InlineData(SuiteRoles.Investor)]
    [InlineData(SuiteRoles.Kommune)]
    public async Task The_dashboard_as_of_the_committee_meeting_shows_the_reference_figures_beside_its_charts(string role)
    {
        var page = await SignedInAsync(role);
        await page.Locator($"a[href='/partnerskaber/{portal.ReferencePartnershipId}']").ClickAsync();
        await page.GetByLabel("Opgjort pr.").FillAsync("2025-10-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("dato=2025-10-20"));

        var costRows = await RowsAsync(page, "#cost-table-caption");
        costRows.ShouldContain(r => r.StartsWith("2023\t300.000,00 kr.\t0,00 kr.\t0,00 kr.\t300.000,00 kr.\t500.000,00 kr.\t60 %"));
        costRows.ShouldContain(r => r.StartsWith("2024\t2.400.000,00 kr.\t"));
        costRows.ShouldContain(r => r.StartsWith("2025\t800.000,00 kr.\t0,00 kr.\t2.100.000,00 kr.\t2.900.000,00 kr.\t"));
        costRows.ShouldContain(r => r.StartsWith("I alt\t3.500.000,00 kr.\t0,00 kr.\t2.100.000,00 kr.\t5.600.000,00 kr."));

        // The other numbers as the outcome service reports them to a kommune caller.
        var report = await portal.Services.Clients.Outcome.GetCommitteeReportAsync(new GetCommitteeReportRequest
        {
            PartnershipId = portal.ReferencePartnershipId, AsOf = ReferencePlan.ReportDate,
        }, deadline: SuiteClients.Deadline());
        var statusRows = await RowsAsync(page, "#status-table-caption");
        statusRows.Count.ShouldBe(report.Months.Count);
        statusRows[0].ShouldStartWith(PortalFormat.Month(report.Months[0].Month, PortalFormat.Danish) + "\t");
        statusRows[^1].Split('\t')[^4].ShouldBe(PortalFormat.Count(report.Months[^1].InFollowUp, PortalFormat.Danish));
        var selfSufficiency = await page.Locator("section[aria-labelledby='self-sufficiency-heading'] tbody tr").AllInnerTextsAsync();
        selfSufficiency.Select(r => r.Split('\t')[0]).ShouldBe(["3 måneder", "6 måneder", "12 måneder", "24 måneder"]);
        selfSufficiency.Select(r => r.Split('\t')[^1]).ShouldBe(report.SelfSufficiency.Select(s => PortalFormat.Percent(s.ShareBasisPoints, PortalFormat.Danish)));
        (await page.Locator("svg[role='img']").CountAsync()).ShouldBe(2);
        (await page.Locator("#status-chart-title").TextContentAsync()).ShouldBe("Borgere fordelt på status pr. måned");
        await Browser.CheckAndCaptureAsync(page, $"dashboard-{role}");
    }

    [Fact]
    public async Task The_dashboard_switches_to_English_with_English_formats()
    {
        var page = await SignedInAsync(SuiteRoles.Committee);
        await page.GotoAsync($"{Dashboard}?dato=2025-10-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("dato=2025-10-20"));

        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");
        (await page.Locator("#cost-heading").InnerTextAsync()).ShouldBe("Cost per year");
        (await RowsAsync(page, "#cost-table-caption")).ShouldContain(r => r.StartsWith("Total\tDKK 3,500,000.00\t"));
        (await page.Locator("main").InnerTextAsync()).ShouldContain("As of 20 October 2025.");
        await Browser.CheckAndCaptureAsync(page, "dashboard-english");

        await page.GetByRole(AriaRole.Button, new() { Name = "Dansk" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("dato=2025-10-20"));
        (await page.Locator("#cost-heading").InnerTextAsync()).ShouldBe("Udgifter pr. år");
    }

    [Fact]
    public async Task A_date_that_is_not_one_is_refused_with_a_message_and_no_report()
    {
        var page = await SignedInAsync(SuiteRoles.Committee);
        var response = await page.GotoAsync($"{Dashboard}?dato=2025-13-40");

        response!.Status.ShouldBe((int)HttpStatusCode.BadRequest);
        (await page.Locator("#dato-error").InnerTextAsync()).ShouldStartWith("Datoen kunne ikke læses.");
        (await page.Locator("table").CountAsync()).ShouldBe(0);
        await Browser.CheckAndCaptureAsync(page, "dashboard-bad-date");
    }

    [Fact]
    public async Task A_partnership_outside_the_persons_scope_or_role_is_refused()
    {
        var committee = await SignedInAsync(SuiteRoles.Committee);
        var other = await committee.GotoAsync(new Uri(portal.Url, $"/partnerskaber/{Guid.NewGuid()}").ToString());
        other!.Status.ShouldBe((int)HttpStatusCode.Forbidden);
        (await committee.Locator("h1").InnerTextAsync()).ShouldBe("Ingen adgang");
        await Browser.CheckAndCaptureAsync(committee, "forbidden");
        (await committee.GotoAsync(new Uri(portal.Url, "/admin/konti").ToString()))!.Status.ShouldBe((int)HttpStatusCode.Forbidden);

        // The provider's role does not read the committee's report, even for its own partnership.
        var provider = await SignedInAsync(SuiteRoles.Provider);
        (await provider.GotoAsync(Dashboard))!.Status.ShouldBe((int)HttpStatusCode.Forbidden);
        (await provider.GotoAsync($"{Pack}?handler=Pdf&dato=2025-10-20"))!.Status.ShouldBe((int)HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_committee_pack_prints_and_its_pdf_holds_the_reference_figures()
    {
        var page = await SignedInAsync(SuiteRoles.Committee);
        await page.GotoAsync($"{Pack}?dato=2025-10-20");

        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Status på partnerskabsaftale");
        var finances = await page.Locator("section[aria-labelledby='finances-heading']").InnerTextAsync();
        finances.ShouldContain("I mio. kr.\t2023\t2024\t2025\tI alt");
        finances.ShouldContain("Udgifter\t0,3\t2,4\t0,8\t3,5");
        finances.ShouldContain("Derudover forventes en regning på 2,1 mio. kr.");
        finances.ShouldContain("De samlede udgifter i partnerskabet bliver dermed 5,6 mio. kr.");
        await Browser.CheckAndCaptureAsync(page, "committee-pack");

        var response = await page.APIRequest.GetAsync($"{Pack}?handler=Pdf&dato=2025-10-20");
        response.Status.ShouldBe((int)HttpStatusCode.OK);
        response.Headers["content-type"].ShouldBe("application/pdf");
        var pdf = Path.Combine(Browser.ScreenshotFolder, "committee-pack.pdf");
        await File.WriteAllBytesAsync(pdf, await response.BodyAsync());
        ShouldHoldTheReferenceFigures(await PdfTextAsync(pdf));
    }

    /// <summary>The committee pack's text as of 20 October 2025 for the reference scenario, as seed 004 reports it.</summary>
    internal static void ShouldHoldTheReferenceFigures(string text)
    {
        text.ShouldContain("Status på partnerskabsaftale");
        Regex.IsMatch(text, @"I mio\. kr\.\s+2023\s+2024\s+2025\s+I alt").ShouldBeTrue(text);
        Regex.IsMatch(text, @"Udgifter\s+0,3\s+2,4\s+0,8\s+3,5").ShouldBeTrue(text);
        text.ShouldContain("regning på 2,1 mio. kr.");
        text.ShouldContain("bliver dermed 5,6 mio. kr.");
        text.ShouldContain("20. oktober 2025");
    }

    /// <summary>The rows of the table with this caption, body and footer, cells separated by tabs.</summary>
    internal static async Task<IReadOnlyList<string>> RowsAsync(IPage page, string captionSelector) =>
        await page.Locator($"table:has({captionSelector}) tbody tr, table:has({captionSelector}) tfoot tr").AllInnerTextsAsync();

    internal static async Task<string> PdfTextAsync(string pdf)
    {
        using var pdftotext = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", pdf, "-"]) { RedirectStandardOutput = true })!;
        var text = await pdftotext.StandardOutput.ReadToEndAsync();
        await pdftotext.WaitForExitAsync();
        pdftotext.ExitCode.ShouldBe(0);
        return text;
    }
}
