using System.Net;
using Microsoft.Playwright;
using Partnerskab.Protos.Audit.V1;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Scenario;
using Partnerskab.Scenario.Haderslev;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class AuditLogTests(PortalSuite portal, Browser browser)
{
    [Fact]
    public async Task The_auditor_finds_who_has_seen_a_citizen_across_the_three_services_logs()
    {
        var id = portal.ReferencePartnershipId;
        var citizens = await portal.Services.Clients.Cohort.ListCitizensAsync(new ListCitizensRequest { PartnershipId = id, PageSize = 1000 },
            deadline: SuiteClients.Deadline());
        var citizen = citizens.Citizens.Single(c => c.CaseReference == ReferencePlan.CaseReference(2)).CitizenId;

        // The provider's advisor opens the citizen's timeline: the cohort and outcome services log it under the advisor's name.
        var advisor = await browser.NewPageAsync();
        await advisor.GotoAsync(new Uri(portal.Url, $"/partnerskaber/{id}/borgere/{citizen}").ToString());
        await Pages.SignInAsync(advisor, PortalSuite.UserName(SuiteRoles.Provider), portal.PasswordOf(SuiteRoles.Provider));
        (await advisor.Locator("h1").InnerTextAsync()).ShouldBe($"Borgerforløb {ReferencePlan.CaseReference(2)}");

        var page = await browser.NewPageAsync();
        await page.GotoAsync(portal.Url.ToString());
        await Pages.SignInAsync(page, PortalSuite.UserName(SuiteRoles.Auditor), portal.PasswordOf(SuiteRoles.Auditor));
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Revisionslog" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Revisionslog");
        await Browser.CheckAndCaptureAsync(page, "audit-log");

        await page.GetByLabel("Borgerens pseudonym").FillAsync(citizen);
        await page.GetByRole(AriaRole.Button, new() { Name = "Søg" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"borger={citizen}"));
        var logged = await EntriesAsync(new AuditFilter { CitizenId = citizen });
        (await page.Locator("table:has(#audit-caption) tbody tr").CountAsync()).ShouldBe(logged);
        logged.ShouldBeGreaterThan(2, "the handover, the scenario's reads and the advisor's reads");
        await Browser.CheckAndCaptureAsync(page, "audit-log-citizen");

        // Who has seen citizen X today? The advisor, in cohort and in outcome.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Copenhagen")).ToString("yyyy-MM-dd");
        await page.GetByLabel("Person (brugernavn)").FillAsync(PortalSuite.UserName(SuiteRoles.Provider));
        await page.GetByLabel("Fra og med dag").FillAsync(today);
        await page.GetByLabel("Til og med dag").FillAsync(today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Søg" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"til={today}"));
        var rows = page.Locator("table:has(#audit-caption) tbody tr");
        (await rows.CountAsync()).ShouldBe(await EntriesAsync(new AuditFilter { CitizenId = citizen, Subject = PortalSuite.UserName(SuiteRoles.Provider) }));
        var texts = await rows.AllInnerTextsAsync();
        texts.ShouldContain(t => t.Contains("cohort") && t.Contains("GetCitizen") && t.Contains("OK"));
        texts.ShouldContain(t => t.Contains("outcome") && t.Contains("GetTimeline"));
        texts.ShouldAllBe(t => t.Contains(PortalSuite.UserName(SuiteRoles.Provider)) && t.Contains("Leverandør (jobrådgiver)"));

        var refused = page.WaitForResponseAsync(r => r.Url.Contains("fra=2025-02-01"));
        await page.GotoAsync(new Uri(portal.Url, "/revision?borger=&fra=2025-02-01&til=2025-01-01").ToString());
        (await refused).Status.ShouldBe((int)HttpStatusCode.BadRequest);
        (await page.Locator("#audit-problems").InnerTextAsync()).ShouldBe("Til-dagen ligger før fra-dagen.");
    }

    [Fact]
    public async Task Only_the_auditor_reads_the_audit_log()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(portal.Url.ToString());
        await Pages.SignInAsync(page, PortalSuite.UserName(SuiteRoles.Operator), portal.PasswordOf(SuiteRoles.Operator));
        (await page.GotoAsync(new Uri(portal.Url, "/revision").ToString()))!.Status.ShouldBe((int)HttpStatusCode.Forbidden);
        (await page.GotoAsync(new Uri(portal.Url, "/okonomi").ToString()))!.Status.ShouldBe((int)HttpStatusCode.Forbidden);
    }

    private async Task<int> EntriesAsync(AuditFilter filter) =>
        (await portal.Services.Clients.Cohort.ListAuditEntriesAsync(new Protos.Cohort.V1.ListAuditEntriesRequest { Filter = filter, PageSize = 1000 }, deadline: SuiteClients.Deadline())).Entries.Count
        + (await portal.Services.Clients.Outcome.ListAuditEntriesAsync(new Protos.Outcome.V1.ListAuditEntriesRequest { Filter = filter, PageSize = 1000 }, deadline: SuiteClients.Deadline())).Entries.Count
        + (await portal.Services.Clients.Payment.ListAuditEntriesAsync(new Protos.Payment.V1.ListAuditEntriesRequest { Filter = filter, PageSize = 1000 }, deadline: SuiteClients.Deadline())).Entries.Count;
}
