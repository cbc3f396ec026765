using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Playwright;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Portal.Tests;

/// <summary>The citizens and weekly statuses uploads: files run as the gateway's bulk jobs, followed on a page with a progress bar.</summary>
[Collection(PortalCollection.Name)]
public sealed class UploadTests(PortalSuite portal, Browser browser)
{
    [Fact]
    public async Task A_case_worker_uploads_citizens_with_one_bad_row_follows_the_job_to_its_end_and_downloads_the_rejected_row()
    {
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var partnership = (await portal.Services.Clients.Cohort.CreatePartnershipAsync(ThinSlice.HaderslevAgreement($"portal-upload-{suffix}"),
            deadline: SuiteClients.Deadline())).Partnership;
        var user = $"sagsbehandler-upload-{suffix}";
        var password = PortalSuite.NewPassword();
        (await portal.AddAccountAsync(user, "Sagsbehandler", "29189757", SuiteRoles.Kommune, partnership.PartnershipId, password)).ExitCode.ShouldBe(0);
        var (good, bad) = (SyntheticCitizens.Cpr(RandomNumberGenerator.GetInt32(4_000_000, 5_000_000)), SyntheticCitizens.Cpr(RandomNumberGenerator.GetInt32(5_000_000, 6_000_000)));
        var file = $"""
            cpr;handoverDate;benefitType;weeksSickListed;caseReference
            {good};2023-04-03;BENEFIT_TYPE_SICKNESS_BENEFIT;30;UP-{suffix}-1
            {bad};2023-04-31;BENEFIT_TYPE_SICKNESS_BENEFIT;30;UP-{suffix}-2
            """;

        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Url, $"/partnerskaber/{partnership.PartnershipId}/borgere").ToString());
        await Pages.SignInAsync(page, user, password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Upload borgere (CSV)" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Upload borgere (CSV)");
        await Browser.CheckAndCaptureAsync(page, "upload-citizens");

        // A file without the columns the gateway needs makes no job.
        var refused = await UploadAsync(page, "borgere.csv", "cpr;caseReference\nx;y\n");
        refused.Status.ShouldBe((int)HttpStatusCode.BadRequest);
        (await page.Locator("[role=alert]").InnerTextAsync()).ShouldContain("Formularen blev ikke gemt");
        (await page.Locator("#file").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await page.Locator("#file-error").InnerTextAsync()).ShouldContain("handoverDate");
        await Browser.CheckAndCaptureAsync(page, "upload-citizens-refused");

        await page.GetByLabel("Indlæs filen").CheckAsync();
        await UploadAsync(page, "borgere.csv", file);

        // The bundled script follows the job and shows its results once it is done.
        await page.Locator("#job-summary").WaitForAsync(new() { Timeout = 60_000 });
        page.Url.ShouldContain($"/partnerskaber/{partnership.PartnershipId}/upload/borgere/");
        (await page.Locator("#job-mode").InnerTextAsync()).ShouldBe("Indlæsning af filen.");
        (await page.Locator("#job-progress").GetAttributeAsync("value")).ShouldBe("2");
        (await page.Locator("#job-progress-text").InnerTextAsync()).ShouldBe("Færdig: 2 af 2 rækker behandlet.");
        (await page.Locator("#job-progress-text").GetAttributeAsync("aria-live")).ShouldBe("polite");
        (await page.Locator("#job-summary").InnerTextAsync()).ShouldBe("1 godkendt, 0 uændret, 1 afvist.");
        var rows = page.Locator("#job-results tbody tr");
        (await rows.Nth(0).Locator("td").Nth(1).InnerTextAsync()).ShouldBe("Godkendt");
        (await rows.Nth(1).Locator("td").Nth(1).InnerTextAsync()).ShouldBe("Afvist");
        (await rows.Nth(1).Locator("td").Nth(4).InnerTextAsync()).ShouldStartWith("handoverDate:");
        (await page.ContentAsync()).ShouldNotContain(good);
        (await page.ContentAsync()).ShouldNotContain(bad);
        await Browser.CheckAndCaptureAsync(page, "upload-citizens-job");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Hent de afviste rækker (CSV)" }).ClickAsync());
        var rejected = await File.ReadAllTextAsync((await download.PathAsync())!);
        rejected.ShouldStartWith("rowNumber;reference;citizenId;field;description");
        rejected.Split('\n')[1].ShouldStartWith("2;");
        rejected.ShouldContain("handoverDate");
        rejected.ShouldNotContain(bad);

        // The accepted row was handed over, as the case worker.
        var citizens = await portal.Services.Clients.Cohort.ListCitizensAsync(new ListCitizensRequest { PartnershipId = partnership.PartnershipId, PageSize = 10 },
            deadline: SuiteClients.Deadline());
        citizens.Citizens.Select(c => c.CaseReference).ShouldBe([$"UP-{suffix}-1"]);

        // Weekly statuses are the provider's to upload.
        (await page.GotoAsync(new Uri(portal.Url, $"/partnerskaber/{partnership.PartnershipId}/upload/ugestatus").ToString()))!
            .Status.ShouldBe((int)HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_job_advisor_without_JavaScript_validates_weekly_statuses_by_refreshing_the_job_page()
    {
        var (partnership, citizen, user, password) = await portal.PartnershipWithAdvisorAsync("statuses", 6_000_000);
        var clients = portal.Services.Clients;

        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync(new Uri(portal.Url, $"/partnerskaber/{partnership.PartnershipId}/borgere").ToString());
        await Pages.SignInAsync(page, user, password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Upload ugestatus (CSV)" }).ClickAsync();

        await UploadAsync(page, "ugestatus.csv", $"""
            citizenId;isoWeekYear;isoWeek;status;paidHours
            {citizen.CitizenId};2023;20;WEEKLY_STATUS_SICKNESS_BENEFIT;0
            {citizen.CitizenId};2023;21;WEEKLY_STATUS_ON_THE_MOON;0
            """);
        (await page.Locator("#job-mode").InnerTextAsync()).ShouldBe("Kontrol af filen: intet gemmes.");
        for (var tries = 0; await page.Locator("#job-summary").CountAsync() == 0; tries++)
        {
            tries.ShouldBeLessThan(60, "the job did not finish");
            (await page.Locator("#job-progress-text").InnerTextAsync()).ShouldMatch(@"^(I kø|I gang): \d af 2 rækker behandlet\.$");
            await Task.Delay(500);
            await page.GetByRole(AriaRole.Link, new() { Name = "Opdater" }).ClickAsync();
        }
        (await page.Locator("#job-summary").InnerTextAsync()).ShouldBe("1 godkendt, 0 uændret, 1 afvist.");
        (await page.Locator("#job-results tbody tr").Nth(1).Locator("td").Nth(4).InnerTextAsync()).ShouldStartWith("status:");
        (await page.Locator("#job-refresh").CountAsync()).ShouldBe(0);
        // (axe-core and the reflow check run scripts in the page: the same page with JavaScript is checked by the citizens upload.)

        // Validated only: the outcome service stored no week.
        var timeline = await clients.Outcome.GetTimelineAsync(new GetTimelineRequest { PartnershipId = partnership.PartnershipId, CitizenId = citizen.CitizenId },
            deadline: SuiteClients.Deadline());
        timeline.Weeks.ShouldBeEmpty();
    }

    private static async Task<IResponse> UploadAsync(IPage page, string name, string file)
    {
        await page.GetByLabel("Fil (CSV eller NDJSON)").SetInputFilesAsync(new FilePayload
        {
            Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(file),
        });
        return await Pages.SubmitAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync());
    }
}
