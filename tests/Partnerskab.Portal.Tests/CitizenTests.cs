using System.Net;
using Grpc.Core;
using Microsoft.Playwright;
using Partnerskab.Protos.Audit.V1;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Scenario;
using Partnerskab.Scenario.Haderslev;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class CitizenTests(PortalSuite portal, Browser browser)
{
    [Fact]
    public async Task The_provider_finds_a_citizen_by_case_reference_and_reads_the_timeline_with_its_milestones()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(portal.Url.ToString());
        await Pages.SignInAsync(page, PortalSuite.UserName(SuiteRoles.Provider), portal.PasswordOf(SuiteRoles.Provider));
        await page.Locator($"a[href='/partnerskaber/{portal.ReferencePartnershipId}/borgere']").ClickAsync();

        var all = await portal.Services.Clients.Cohort.ListCitizensAsync(new ListCitizensRequest
        {
            PartnershipId = portal.ReferencePartnershipId, PageSize = 1000,
        }, deadline: SuiteClients.Deadline());
        (await page.Locator("table:has(#citizens-caption) tbody tr").CountAsync()).ShouldBe(all.Citizens.Count);
        await Browser.CheckAndCaptureAsync(page, "citizens");

        var reference = ReferencePlan.CaseReference(1);
        await page.GetByLabel("Søg på sagsnummer eller pseudonym").FillAsync(reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Søg" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"q={reference}"));
        var rows = page.Locator("table:has(#citizens-caption) tbody tr");
        (await rows.CountAsync()).ShouldBe(1);
        var citizen = all.Citizens.Single(c => c.CaseReference == reference);
        (await rows.InnerTextAsync()).ShouldContain(citizen.CitizenId);

        await page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe($"Borgerforløb {reference}");
        var timeline = await portal.Services.Clients.Outcome.GetTimelineAsync(new Protos.Outcome.V1.GetTimelineRequest
        {
            PartnershipId = portal.ReferencePartnershipId, CitizenId = citizen.CitizenId,
        }, deadline: SuiteClients.Deadline());
        (await page.Locator("table:has(#weeks-caption) tbody tr").CountAsync()).ShouldBe(timeline.Weeks.Count);
        var milestones = await portal.Services.Clients.Outcome.ListMilestonesAsync(new Protos.Outcome.V1.ListMilestonesRequest
        {
            PartnershipId = portal.ReferencePartnershipId, CitizenId = citizen.CitizenId,
        }, deadline: SuiteClients.Deadline());
        // Each milestone by its name in the partnership's definitions, with its code.
        var names = ReferencePlan.MilestoneDefinitions.ToDictionary(d => d.Code, d => d.Description);
        milestones.Milestones.ShouldNotBeEmpty();
        (await page.Locator("section[aria-labelledby='milestones-heading'] tbody th").AllInnerTextsAsync())
            .ShouldBe(milestones.Milestones.Select(m => $"{names[m.Code]} ({m.Code})"), ignoreOrder: true);
        await Browser.CheckAndCaptureAsync(page, "citizen-timeline");

        // The services saw the person, not the portal: their audit logs name the provider's account.
        var seen = await portal.Services.Clients.Cohort.ListAuditEntriesAsync(new Protos.Cohort.V1.ListAuditEntriesRequest
        {
            Filter = new AuditFilter { CitizenId = citizen.CitizenId, Subject = PortalSuite.UserName(SuiteRoles.Provider) },
        }, deadline: SuiteClients.Deadline());
        seen.Entries.ShouldContain(e => e.Rpc == "/partnerskab.cohort.v1.CohortService/GetCitizen"
            && e.Roles.SequenceEqual(new[] { SuiteRoles.Provider }) && e.StatusCode == "OK");
    }

    [Fact]
    public async Task The_kommune_is_told_that_a_partnership_without_a_follow_up_plan_has_no_worklist()
    {
        // The reference scenario sets no follow-up plan; the outcome service then has no worklist for it.
        var refused = await Should.ThrowAsync<RpcException>(portal.Services.Clients.Outcome.GetWorklistAsync(new Protos.Outcome.V1.GetWorklistRequest
        {
            PartnershipId = portal.ReferencePartnershipId,
        }, deadline: SuiteClients.Deadline()).ResponseAsync);
        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);

        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Url, $"/partnerskaber/{portal.ReferencePartnershipId}/borgere").ToString());
        await Pages.SignInAsync(page, PortalSuite.UserName(SuiteRoles.Kommune), portal.PasswordOf(SuiteRoles.Kommune));
        var response = page.WaitForResponseAsync(r => r.Url.EndsWith("/arbejdsliste", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Link, new() { Name = "Arbejdsliste" }).ClickAsync();

        (await response).Status.ShouldBe((int)HttpStatusCode.OK);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Arbejdsliste");
        (await page.Locator("#no-plan").InnerTextAsync()).ShouldStartWith("Partnerskabet har endnu ingen opfølgningsplan");
        await Browser.CheckAndCaptureAsync(page, "worklist-without-plan");
    }

    [Fact]
    public async Task The_committee_sees_no_citizen_level_page()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(portal.Url.ToString());
        await Pages.SignInAsync(page, PortalSuite.UserName(SuiteRoles.Committee), portal.PasswordOf(SuiteRoles.Committee));

        (await page.GotoAsync(new Uri(portal.Url, $"/partnerskaber/{portal.ReferencePartnershipId}/borgere").ToString()))!
            .Status.ShouldBe((int)HttpStatusCode.Forbidden);
    }
}
