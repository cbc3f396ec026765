using System.Net;
using System.Security.Cryptography;
using Microsoft.Playwright;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Portal.Tests;

/// <summary>The kommune's case worker: the claims to verify, a handover and an exit.</summary>
[Collection(PortalCollection.Name)]
public sealed class KommuneTests(PortalSuite portal, Browser browser)
{
    [Fact]
    public async Task The_kommune_verifies_a_claim_by_keyboard_alone_and_rejects_one_with_a_reason_given_after_a_refusal()
    {
        var (partnership, user, password) = await PartnershipWithCaseWorkerAsync("queue");
        var citizen = (await portal.Services.Clients.Cohort.HandOverCitizenAsync(new HandOverCitizenRequest
        {
            PartnershipId = partnership.PartnershipId,
            Cpr = SyntheticCitizens.Cpr(RandomNumberGenerator.GetInt32(2_000_000, 3_000_000)),
            HandoverDate = new Google.Type.Date { Year = 2023, Month = 4, Day = 3 },
            BenefitType = BenefitType.SicknessBenefit,
            WeeksSickListed = 30,
            CaseReference = $"Q-{partnership.Reference}",
        }, deadline: SuiteClients.Deadline())).Citizen;
        var (verify, reject) = (await ClaimAsync(citizen, "PQ-1"), await ClaimAsync(citizen, "PQ-2"));
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Url, $"/partnerskaber/{partnership.PartnershipId}/borgere").ToString());
        await Pages.SignInAsync(page, user, password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Krav til godkendelse" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Krav til godkendelse");
        (await page.Locator($"#claim-{verify.ClaimId}").InnerTextAsync()).ShouldBe($"Krav {verify.ClaimReference}");
        await Browser.CheckAndCaptureAsync(page, "claim-queue");

        // Keyboard only: Tab to the claim's verify button and press Enter.
        await TabToAsync(page, $"Godkend krav {verify.ClaimReference}");
        (await Pages.SubmitAsync(page, () => page.Keyboard.PressAsync("Enter"))).Status.ShouldBe((int)HttpStatusCode.Redirect);
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe($"Kravet {verify.ClaimReference} er godkendt.");
        (await page.Locator($"#claim-{verify.ClaimId}").CountAsync()).ShouldBe(0);
        var stored = (await GetClaimAsync(verify.ClaimId)).Claim;
        (stored.Status, stored.DecidedBy).ShouldBe((ClaimStatus.Verified, user));

        // No reason: the outcome service refuses, the page says why beside the reason and nothing is written.
        var refusal = page.WaitForResponseAsync(r => r.Request.Method == "POST");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Afvis krav {reject.ClaimReference}" }).ClickAsync();
        (await refusal).Status.ShouldBe((int)HttpStatusCode.BadRequest);
        var reason = page.Locator($"#reason-{reject.ClaimId}");
        (await reason.GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await page.Locator($"#reason-{reject.ClaimId}-error").InnerTextAsync()).ShouldBe("Skal udfyldes.");
        (await GetClaimAsync(reject.ClaimId)).Claim.Status.ShouldBe(ClaimStatus.Claimed);
        await Browser.CheckAndCaptureAsync(page, "claim-queue-refused");

        await reason.FillAsync("No enrolment in the register");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Afvis krav {reject.ClaimReference}" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("afvist=", StringComparison.Ordinal));
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe($"Kravet {reject.ClaimReference} er afvist.");
        var rejected = (await GetClaimAsync(reject.ClaimId)).Claim;
        (rejected.Status, rejected.DecidedBy, rejected.DecisionReason)
            .ShouldBe((ClaimStatus.Rejected, user, "No enrolment in the register"));
    }

    [Fact]
    public async Task The_kommune_hands_a_citizen_over_with_the_CPR_number_posted_once_then_records_the_exit_and_is_refused_another_partnership()
    {
        var (partnership, user, password) = await PartnershipWithCaseWorkerAsync("handover");
        var cpr = SyntheticCitizens.Cpr(RandomNumberGenerator.GetInt32(1_000_000, 2_000_000));
        var caseReference = $"HO-{partnership.Reference}";

        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Url, $"/partnerskaber/{partnership.PartnershipId}/borgere").ToString());
        await Pages.SignInAsync(page, user, password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Overdrag en borger" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Overdrag en borger");
        await Browser.CheckAndCaptureAsync(page, "handover");

        // A CPR number the cohort service refuses: shown beside the field, kept in it, nothing handed over.
        await page.GetByLabel("CPR-nummer").FillAsync("1234");
        await page.GetByLabel("Overdragelsesdato").FillAsync("2023-04-03");
        await page.GetByLabel("Ydelse ved overdragelsen").SelectOptionAsync(new SelectOptionValue { Label = "Sygedagpenge" });
        await page.GetByLabel("Uger sygemeldt").FillAsync("30");
        await page.GetByLabel("Sagsnummer").FillAsync(caseReference);
        var refusal = page.WaitForResponseAsync(r => r.Request.Method == "POST");
        await page.GetByRole(AriaRole.Button, new() { Name = "Overdrag borgeren" }).ClickAsync();
        var refused = await refusal;
        refused.Status.ShouldBe((int)HttpStatusCode.BadRequest);
        (await refused.HeaderValueAsync("cache-control")).ShouldBe("no-store");
        (await page.Locator("#cpr-error").InnerTextAsync()).ShouldNotBeEmpty();
        (await page.GetByLabel("CPR-nummer").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await page.GetByLabel("Sagsnummer").InputValueAsync()).ShouldBe(caseReference);
        (await CitizensAsync(partnership.PartnershipId)).ShouldBeEmpty();
        await Browser.CheckAndCaptureAsync(page, "handover-refused");

        await page.GetByLabel("CPR-nummer").FillAsync(cpr);
        await page.GetByRole(AriaRole.Button, new() { Name = "Overdrag borgeren" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("overdraget=", StringComparison.Ordinal));
        var citizen = (await CitizensAsync(partnership.PartnershipId)).ShouldHaveSingleItem();
        citizen.CaseReference.ShouldBe(caseReference);
        (await page.Locator("#handed-over").InnerTextAsync()).ShouldContain("Borgeren er overdraget.");
        (await page.Locator("#handed-over").InnerTextAsync()).ShouldContain(citizen.CitizenId);
        // The CPR number went to the cohort service once: not in the address, the title, the cookies or the portal's log.
        page.Url.ShouldNotContain(cpr);
        page.Url.ShouldNotContain(cpr.Replace("-", "", StringComparison.Ordinal));
        (await page.TitleAsync()).ShouldNotContain(cpr);
        (await page.Context.CookiesAsync()).ShouldAllBe(c => !c.Value.Contains(cpr.Replace("-", "", StringComparison.Ordinal)) && !c.Value.Contains(cpr));
        (await page.GetByLabel("CPR-nummer").InputValueAsync()).ShouldBeEmpty();
        await Browser.CheckAndCaptureAsync(page, "handover-done");

        // The exit, from the citizen's timeline (once the outcome service has opened the follow-up).
        await portal.WaitForFollowUpAsync(partnership.PartnershipId, citizen.CitizenId);
        await page.GetByRole(AriaRole.Link, new() { Name = "Se borgerforløbet" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Registrér udtræden" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe($"Udtræden for {caseReference}");
        await Browser.CheckAndCaptureAsync(page, "exit");
        await page.GetByLabel("Udtrædelsesdato").FillAsync("2023-09-15");
        await page.GetByLabel("Årsag").SelectOptionAsync(new SelectOptionValue { Label = "Fraflyttet kommunen" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrér udtræden" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("registreret=udtraeden", StringComparison.Ordinal));
        (await page.Locator("#recorded").InnerTextAsync()).ShouldBe("Udtrædelsen er registreret.");
        (await page.Locator("dl.facts").InnerTextAsync()).ShouldContain("Udtrådt");
        var exited = (await CitizensAsync(partnership.PartnershipId)).ShouldHaveSingleItem();
        (exited.ExitReason, exited.ExitDate.Year, exited.ExitDate.Month, exited.ExitDate.Day).ShouldBe((ExitReason.MovedAway, 2023, 9, 15));
        // The timeline names the reason in Danish once the outcome service has learnt of the exit (by an event).
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!(await page.Locator("dl.facts").InnerTextAsync()).Contains("15. september 2023 (Fraflyttet kommunen)", StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("the timeline never showed the exit");
            await Task.Delay(200);
            await page.ReloadAsync();
        }

        // Another exit is refused as a whole, in Danish.
        await page.GetByRole(AriaRole.Link, new() { Name = "Registrér udtræden" }).ClickAsync();
        await page.GetByLabel("Udtrædelsesdato").FillAsync("2023-09-20");
        await page.GetByLabel("Årsag").SelectOptionAsync(new SelectOptionValue { Label = "Har trukket sig" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrér udtræden" }).ClickAsync();
        (await page.Locator("[role=alert]").InnerTextAsync()).ShouldContain($"Borgeren {citizen.CitizenId} er allerede udtrådt den 2023-09-15.");
        await Browser.CheckAndCaptureAsync(page, "exit-refused");

        // Only this partnership: another one's handover page is refused.
        (await page.GotoAsync(new Uri(portal.Url, $"/partnerskaber/{portal.ReferencePartnershipId}/overdragelse").ToString()))!
            .Status.ShouldBe((int)HttpStatusCode.Forbidden);

        var logged = await File.ReadAllTextAsync(portal.LogFile);
        logged.ShouldNotContain(cpr);
        logged.ShouldNotContain(cpr.Replace("-", "", StringComparison.Ordinal));
    }

    /// <summary>A partnership of its own (the reference scenario's figures stay as they are) and a case worker's account for it alone.</summary>
    private async Task<(Partnership Partnership, string User, string Password)> PartnershipWithCaseWorkerAsync(string name)
    {
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var partnership = (await portal.Services.Clients.Cohort.CreatePartnershipAsync(ThinSlice.HaderslevAgreement($"portal-{name}-{suffix}"),
            deadline: SuiteClients.Deadline())).Partnership;
        var user = $"sagsbehandler-{name}-{suffix}";
        var password = PortalSuite.NewPassword();
        (await portal.AddAccountAsync(user, "Sagsbehandler", "29189757", SuiteRoles.Kommune, partnership.PartnershipId, password)).ExitCode.ShouldBe(0);
        return (partnership, user, password);
    }

    /// <summary>A provider's claim of an education start 30 days after the handover, awaiting verification.</summary>
    private async Task<OutcomeClaim> ClaimAsync(Citizen citizen, string reference) =>
        (await portal.Services.Clients.Outcome.ClaimOutcomeAsync(new ClaimOutcomeRequest
        {
            PartnershipId = citizen.PartnershipId,
            CitizenId = citizen.CitizenId,
            ClaimReference = reference,
            Kind = OutcomeKind.EducationStart,
            OutcomeDate = new Google.Type.Date { Year = 2023, Month = 5, Day = 3 },
            EvidenceReference = $"enrolment letter {reference}",
        }, deadline: SuiteClients.Deadline())).Claim;

    private async Task<GetOutcomeClaimResponse> GetClaimAsync(string claimId) =>
        await portal.Services.Clients.Outcome.GetOutcomeClaimAsync(new GetOutcomeClaimRequest { ClaimId = claimId }, deadline: SuiteClients.Deadline());

    private async Task<IReadOnlyList<Citizen>> CitizensAsync(string partnershipId) =>
        (await portal.Services.Clients.Cohort.ListCitizensAsync(new ListCitizensRequest { PartnershipId = partnershipId, PageSize = 1000 },
            deadline: SuiteClients.Deadline())).Citizens;

    /// <summary>Presses Tab until the element with this accessible name (aria-label) has the focus.</summary>
    private static async Task TabToAsync(IPage page, string name)
    {
        for (var presses = 0; presses < 300; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string?>("document.activeElement && document.activeElement.getAttribute('aria-label')") == name) return;
        }
        throw new ShouldAssertException($"Tab never reached \"{name}\".");
    }
}
