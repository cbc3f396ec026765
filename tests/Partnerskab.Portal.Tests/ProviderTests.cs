using System.Net;
using System.Security.Cryptography;
using Microsoft.Playwright;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Portal.Tests;

/// <summary>The provider's job advisor: finds a citizen, records a contact and claims an outcome from the citizen's timeline.</summary>
[Collection(PortalCollection.Name)]
public sealed class ProviderTests(PortalSuite portal, Browser browser)
{
    [Fact]
    public async Task The_advisor_records_a_contact_and_claims_a_job_start_from_the_timeline_each_refused_first_beside_the_field()
    {
        var (partnership, citizen, user, password) = await portal.PartnershipWithAdvisorAsync("provider", 3_000_000);
        var caseReference = citizen.CaseReference;

        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Url, $"/partnerskaber/{partnership.PartnershipId}/borgere").ToString());
        await Pages.SignInAsync(page, user, password);
        await page.GetByLabel("Søg på sagsnummer eller pseudonym").FillAsync(citizen.CitizenId[..10]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Søg" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = caseReference }).ClickAsync();
        (await page.GetByRole(AriaRole.Link, new() { Name = "Registrér udtræden" }).CountAsync()).ShouldBe(0);

        // A contact: a day after the follow-up is refused by the outcome service, beside the date.
        await page.GetByRole(AriaRole.Link, new() { Name = "Registrér kontakt" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe($"Kontakt med {caseReference}");
        await Browser.CheckAndCaptureAsync(page, "contact");
        await page.GetByLabel("Kontaktens dato").FillAsync("2025-12-01");
        await page.GetByLabel("Kontaktform").SelectOptionAsync(new SelectOptionValue { Label = "Telefon" });
        var refusal = page.WaitForResponseAsync(r => r.Request.Method == "POST");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrér kontakt" }).ClickAsync();
        (await refusal).Status.ShouldBe((int)HttpStatusCode.BadRequest);
        (await page.Locator("#contact_date-error").InnerTextAsync()).ShouldNotBeEmpty();
        await Browser.CheckAndCaptureAsync(page, "contact-refused");
        (await ScheduleAsync(partnership.PartnershipId, citizen.CitizenId)).LastContactOn.ShouldBeNull();

        await page.GetByLabel("Kontaktens dato").FillAsync("2023-05-10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrér kontakt" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("registreret=kontakt", StringComparison.Ordinal));
        (await page.Locator("#recorded").InnerTextAsync()).ShouldBe("Kontakten er registreret.");
        var lastContact = (await ScheduleAsync(partnership.PartnershipId, citizen.CitizenId)).LastContactOn;
        (lastContact.Year, lastContact.Month, lastContact.Day).ShouldBe((2023, 5, 10));

        // A job start: without the employer's CVR number it is refused beside that field; then claimed.
        await page.GetByRole(AriaRole.Link, new() { Name = "Indberet udfald" }).ClickAsync();
        await Browser.CheckAndCaptureAsync(page, "claim-outcome");
        var reference = await page.GetByLabel("Kravets reference").InputValueAsync();
        await page.GetByLabel("Udfald", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Ordinært job" });
        await page.GetByLabel("Udfaldets dato").FillAsync("2023-06-01");
        await page.GetByLabel("Timer om ugen").FillAsync("15,5");
        await page.GetByLabel("Dokumentation").FillAsync("Ansættelsesbrev af 25. maj 2023");
        refusal = page.WaitForResponseAsync(r => r.Request.Method == "POST");
        await page.GetByRole(AriaRole.Button, new() { Name = "Indberet udfald" }).ClickAsync();
        (await refusal).Status.ShouldBe((int)HttpStatusCode.BadRequest);
        (await page.Locator("#employer_cvr-error").InnerTextAsync()).ShouldNotBeEmpty();
        (await page.GetByLabel("Timer om ugen").InputValueAsync()).ShouldBe("15,5");
        (await ClaimsAsync(partnership.PartnershipId)).ShouldBeEmpty();
        await Browser.CheckAndCaptureAsync(page, "claim-outcome-refused");

        await page.GetByLabel("Arbejdsgivers CVR-nummer").FillAsync("87654321");
        await page.GetByRole(AriaRole.Button, new() { Name = "Indberet udfald" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("registreret=krav", StringComparison.Ordinal));
        (await page.Locator("#recorded").InnerTextAsync()).ShouldBe("Udfaldet er indberettet og venter på kommunens godkendelse.");
        var claim = (await ClaimsAsync(partnership.PartnershipId)).ShouldHaveSingleItem();
        (claim.ClaimReference, claim.Kind, claim.HoursPerWeekHundredths, claim.EmployerCvr, claim.Status)
            .ShouldBe((reference, OutcomeKind.JobStart, 1550, "87654321", ClaimStatus.Claimed));
        await Browser.CheckAndCaptureAsync(page, "citizen-timeline-claimed");

        // The kommune's queue is not the provider's.
        (await page.GotoAsync(new Uri(portal.Url, $"/partnerskaber/{partnership.PartnershipId}/krav").ToString()))!
            .Status.ShouldBe((int)HttpStatusCode.Forbidden);
    }

    private async Task<GetFollowUpScheduleResponse> ScheduleAsync(string partnershipId, string citizenId) =>
        await portal.Services.Clients.Outcome.GetFollowUpScheduleAsync(new GetFollowUpScheduleRequest
        {
            PartnershipId = partnershipId, CitizenId = citizenId, AsOf = new Google.Type.Date { Year = 2023, Month = 7, Day = 1 },
        }, deadline: SuiteClients.Deadline());

    private async Task<IReadOnlyList<OutcomeClaim>> ClaimsAsync(string partnershipId) =>
        (await portal.Services.Clients.Outcome.ListOutcomeClaimsAsync(new ListOutcomeClaimsRequest { PartnershipId = partnershipId },
            deadline: SuiteClients.Deadline())).Claims;
}
