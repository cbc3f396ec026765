using System.Net;
using System.Security.Cryptography;
using Microsoft.Playwright;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Portal.Tests;

/// <summary>The kommune's agreement pages: register a partnership, amend it, set its follow-up plan and KPI targets.</summary>
[Collection(PortalCollection.Name)]
public sealed class AgreementTests(PortalSuite portal, Browser browser)
{
    [Fact]
    public async Task The_kommune_registers_a_partnership_amends_it_and_sets_its_follow_up_plan_and_targets_each_refused_first_beside_the_field()
    {
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var user = $"kommune-aftaler-{suffix}";
        var password = PortalSuite.NewPassword();
        // Acts for every partnership, so it may open the partnership it registers.
        (await portal.AddAccountAsync(user, "Aftaleansvarlig", "29189757", SuiteRoles.Kommune, "*", password)).ExitCode.ShouldBe(0);
        var reference = $"PORTAL-{suffix}";
        var page = await browser.NewPageAsync();
        await page.GotoAsync(portal.Url.ToString());
        await Pages.SignInAsync(page, user, password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Opret partnerskab" }).ClickAsync();
        await Browser.CheckAndCaptureAsync(page, "agreement-create");

        var terms = new Dictionary<string, string>
        {
            ["#reference"] = reference, ["#name"] = "Job til sygemeldte", ["#kommune-name"] = "Haderslev Kommune", ["#kommune-cvr"] = "123",
            ["#kommune-ean"] = "5798000420526", ["#provider-name"] = "Carelink", ["#provider-cvr"] = "12345678", ["#investor-name"] = "Den Sociale Kapitalfond",
            ["#contract_start"] = "2026-03-01", ["#contract_end"] = "2028-03-31", ["#cohort_capacity"] = "150", ["#follow_up_months"] = "24",
            ["#handover_window_start"] = "2026-03-01", ["#handover_window_end"] = "2026-06-30", ["#eligibility-min_weeks_sick_listed"] = "26",
        };
        foreach (var (field, value) in terms) await page.Locator(field).FillAsync(value);
        await page.GetByLabel("Sygedagpenge", new() { Exact = true }).CheckAsync();
        var refusal = page.WaitForResponseAsync(r => r.Request.Method == "POST");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opret partnerskab" }).ClickAsync();
        (await refusal).Status.ShouldBe((int)HttpStatusCode.BadRequest);
        (await page.Locator("#kommune-cvr-error").InnerTextAsync()).ShouldNotBeEmpty();
        (await page.Locator("#kommune-cvr").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await page.Locator("#name").InputValueAsync()).ShouldBe("Job til sygemeldte");
        (await PartnershipsAsync()).ShouldNotContain(p => p.Reference == reference);
        await Browser.CheckAndCaptureAsync(page, "agreement-create-refused");

        await page.Locator("#kommune-cvr").FillAsync("29189757");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opret partnerskab" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("oprettet=", StringComparison.Ordinal));
        var created = (await PartnershipsAsync()).Single(p => p.Reference == reference);
        (created.CohortCapacity, created.Version, created.Eligibility.AllowedBenefitTypes.Single()).ShouldBe((150, 1, BenefitType.SicknessBenefit));

        await page.GetByRole(AriaRole.Link, new() { Name = "Se aftalen" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Aftalen: Job til sygemeldte");
        (await page.Locator("table:has(#versions-caption) tbody tr").CountAsync()).ShouldBe(1);
        (await page.Locator("#cohort_capacity").InputValueAsync()).ShouldBe("150");
        await page.Locator("#cohort_capacity").FillAsync("160");
        await page.Locator("#reason").FillAsync("Udvidet med 10 pladser");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ændr aftalen" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("aendret=", StringComparison.Ordinal));
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Aftalen er ændret: version 2.");
        (await page.Locator("table:has(#versions-caption) tbody tr").CountAsync()).ShouldBe(2);
        var versions = (await portal.Services.Clients.Cohort.ListPartnershipVersionsAsync(new ListPartnershipVersionsRequest { PartnershipId = created.PartnershipId },
            deadline: SuiteClients.Deadline())).Versions;
        versions.Select(v => (v.Partnership.Version, v.Partnership.CohortCapacity, v.Reason)).ShouldBe([(1, 150, ""), (2, 160, "Udvidet med 10 pladser")], ignoreOrder: true);
        await Browser.CheckAndCaptureAsync(page, "agreement-versions");

        await page.GotoAsync(new Uri(portal.Url, $"/partnerskaber/{created.PartnershipId}/borgere").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Opfølgningsplan og måltal" }).ClickAsync();
        (await page.Locator("#no-plan").CountAsync()).ShouldBe(1);
        await Browser.CheckAndCaptureAsync(page, "follow-up-plan-empty");
        await page.Locator("#plan-contact_interval_weeks").FillAsync("4");
        await page.Locator("#plan-status_checkpoint_months").FillAsync("3, 6, 12, 24");
        await page.Locator("#plan-no_contact_days").FillAsync("60");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem opfølgningsplanen" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("gemt=plan", StringComparison.Ordinal));
        var plan = (await portal.Services.Clients.Outcome.GetFollowUpPlanAsync(new GetFollowUpPlanRequest { PartnershipId = created.PartnershipId },
            deadline: SuiteClients.Deadline())).Plan;
        (plan.ContactIntervalWeeks, string.Join(",", plan.StatusCheckpointMonths), plan.NoContactDays).ShouldBe((4, "3,6,12,24", 60));

        await page.Locator("#targets-0-code").FillAsync("ordinary jobs");
        await page.Locator("#targets-0-description").FillAsync("Borgere i ordinært job");
        await page.Locator("#targets-0-measure").SelectOptionAsync(new SelectOptionValue { Label = "Borgere med et godkendt udfald" });
        await page.Locator("#targets-0-outcome_kind").SelectOptionAsync(new SelectOptionValue { Label = "Ordinært job" });
        await page.Locator("#targets-0-target").FillAsync("5");
        refusal = page.WaitForResponseAsync(r => r.Request.Method == "POST");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem måltallene" }).ClickAsync();
        (await refusal).Status.ShouldBe((int)HttpStatusCode.BadRequest);
        (await page.Locator("#targets-0-code-error").InnerTextAsync()).ShouldContain("A-Z");
        (await KpiTargetsAsync(created.PartnershipId)).ShouldBeEmpty();
        await Browser.CheckAndCaptureAsync(page, "kpi-targets-refused");

        await page.Locator("#targets-0-code").FillAsync("ORDINARY_JOBS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem måltallene" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("gemt=targets", StringComparison.Ordinal));
        var target = (await KpiTargetsAsync(created.PartnershipId)).ShouldHaveSingleItem();
        (target.Code, target.Measure, target.OutcomeKind, target.Target).ShouldBe(("ORDINARY_JOBS", KpiMeasure.CitizensWithOutcome, OutcomeKind.JobStart, 5));
        (await page.Locator("#targets-0-code").InputValueAsync()).ShouldBe("ORDINARY_JOBS");
        await Browser.CheckAndCaptureAsync(page, "follow-up-plan");
    }

    private async Task<IReadOnlyList<Partnership>> PartnershipsAsync() =>
        (await portal.Services.Clients.Cohort.ListPartnershipsAsync(new ListPartnershipsRequest(), deadline: SuiteClients.Deadline())).Partnerships;

    private async Task<IReadOnlyList<KpiTarget>> KpiTargetsAsync(string partnershipId) =>
        (await portal.Services.Clients.Outcome.GetKpiTargetsAsync(new GetKpiTargetsRequest { PartnershipId = partnershipId },
            deadline: SuiteClients.Deadline())).Targets;
}
