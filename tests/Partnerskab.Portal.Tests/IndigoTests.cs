using System.Net;
using System.Security.Cryptography;
using Microsoft.Playwright;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Portal.Tests;

/// <summary>The INDIGO open-data page: the kommune decides what is public, and the record that leaves the suite holds only that.</summary>
[Collection(PortalCollection.Name)]
public sealed class IndigoTests(PortalSuite portal, Browser browser)
{
    [Fact]
    public async Task The_kommune_makes_parts_of_the_record_public_and_the_page_and_its_download_hold_only_those()
    {
        var clients = portal.Services.Clients;
        var partnership = (await clients.Cohort.CreatePartnershipAsync(ThinSlice.HaderslevAgreement($"portal-indigo-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}"),
            deadline: SuiteClients.Deadline())).Partnership;
        var name = partnership.Name;
        var id = partnership.PartnershipId;
        await clients.Payment.SetRateCardAsync(TestRateCards.FullRateCard(id, ThinSlice.Day(2023, 3, 1)), deadline: SuiteClients.Deadline());
        var address = new Uri(portal.Url, $"/partnerskaber/{id}/indigo?dato=2023-06-30").ToString();

        var kommune = await Pages.SignedInForAsync(browser, portal, SuiteRoles.Kommune, partnership);
        await kommune.GotoAsync(new Uri(portal.Url, $"/partnerskaber/{id}?dato=2023-06-30").ToString());
        await kommune.GetByRole(AriaRole.Link, new() { Name = "Offentlige data (INDIGO)" }).ClickAsync();
        await kommune.WaitForURLAsync(url => url.Contains("/indigo?dato=2023-06-30"));
        (await kommune.GetByLabel("Partnerskabets navn").InputValueAsync()).ShouldBe("Private");
        (await kommune.Locator("#field_Name-set").InnerTextAsync()).ShouldBe("Aldrig sat: privat.");
        (await kommune.Locator("#indigo-record").InnerTextAsync()).ShouldNotContain(name, Case.Sensitive, "every part is private until the kommune says otherwise");

        // A forged choice is refused beside its field, in Danish, and nothing is set.
        await kommune.Locator("#field_Results option[value='Public']").EvaluateAsync("option => option.value = 'Everything'");
        await kommune.GetByLabel("Resultater (borgere overdraget og borgere med en milepæl nået)").SelectOptionAsync("Everything");
        await kommune.GetByLabel("Partnerskabets navn").SelectOptionAsync(new SelectOptionValue { Label = "Offentlig" });
        (await Pages.SubmitAsync(kommune, () => kommune.GetByRole(AriaRole.Button, new() { Name = "Gem offentliggørelse" }).ClickAsync())).Status
            .ShouldBe((int)HttpStatusCode.BadRequest);
        (await kommune.Locator("#field_Results-error").InnerTextAsync()).ShouldBe("Vælg offentlig, privat eller omstridt.");
        (await ExportAsync(id)).Fields.ShouldAllBe(f => f.SetAt == null, "nothing was set");

        await kommune.GotoAsync(address);
        await kommune.GetByLabel("Partnerskabets navn").SelectOptionAsync(new SelectOptionValue { Label = "Offentlig" });
        await kommune.GetByLabel("Pris pr. milepæl").SelectOptionAsync(new SelectOptionValue { Label = "Offentlig" });
        await kommune.GetByLabel("Investorens tilsagn om kapital").SelectOptionAsync(new SelectOptionValue { Label = "Omstridt (tilbageholdes)" });
        await Pages.SubmitAsync(kommune, () => kommune.GetByRole(AriaRole.Button, new() { Name = "Gem offentliggørelse" }).ClickAsync());
        (await kommune.Locator("#disclosure-notice").InnerTextAsync()).ShouldBe("Offentliggørelsen er gemt.");

        var export = await ExportAsync(id);
        export.Fields.Where(f => f.SetAt != null).Select(f => (f.Field, f.Disclosure)).ShouldBe(
            [(IndigoField.Name, Disclosure.Public), (IndigoField.OutcomePricings, Disclosure.Public), (IndigoField.Investments, Disclosure.Disputed)],
            ignoreOrder: true, "only the fields changed are set; the others stay never set");
        export.RecordJson.ShouldContain(name);
        await kommune.GotoAsync(address);
        (await kommune.Locator("#indigo-record").InnerTextAsync()).ShouldBe(export.RecordJson);
        (await kommune.Locator("#field_Name-set").InnerTextAsync()).ShouldStartWith("Sat ");
        var download = await kommune.RunAndWaitForDownloadAsync(() => kommune.GetByRole(AriaRole.Link, new() { Name = "Hent posten som JSON" }).ClickAsync());
        download.SuggestedFilename.ShouldBe($"indigo-{id}-2023-06-30.json");
        (await File.ReadAllTextAsync((await download.PathAsync())!)).ShouldBe(export.RecordJson);
        await Browser.CheckAndCaptureAsync(kommune, "indigo-kommune");

        // The committee reads the settings and the record; it cannot set them.
        var committee = await Pages.SignedInForAsync(browser, portal, SuiteRoles.Committee, partnership);
        await committee.GotoAsync(address);
        var rows = await committee.Locator("#disclosure-table tbody tr").AllInnerTextsAsync();
        rows.ShouldContain(r => r.StartsWith("Partnerskabets navn\tOffentlig\tSat "));
        rows.ShouldContain(r => r.StartsWith("Investorens tilsagn om kapital\tOmstridt (tilbageholdes)\tSat "));
        rows.ShouldContain("Loft over resultatbetalinger\tPrivat\tAldrig sat: privat.");
        (await committee.Locator("#disclosure-form").CountAsync()).ShouldBe(0);
        (await committee.Locator("#indigo-record").InnerTextAsync()).ShouldBe(export.RecordJson);
        await Browser.CheckAndCaptureAsync(committee, "indigo-committee");
        // A post made by hand, with the session's antiforgery token from the page's sign-out form, is refused for the role.
        var token = await committee.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");
        var post = await committee.APIRequest.PostAsync(address, new()
        {
            Form = committee.APIRequest.CreateFormData().Set("__RequestVerificationToken", token!).Set("field_Name", "Private"), MaxRedirects = 0,
        });
        post.Status.ShouldBe((int)HttpStatusCode.Forbidden);
        (await ExportAsync(id)).Fields.Single(f => f.Field == IndigoField.Name).Disclosure.ShouldBe(Disclosure.Public);
    }

    private async Task<ExportIndigoProjectResponse> ExportAsync(string partnershipId) =>
        await portal.Services.Clients.Payment.ExportIndigoProjectAsync(new ExportIndigoProjectRequest { PartnershipId = partnershipId, AsOf = ThinSlice.Day(2023, 6, 30) },
            deadline: SuiteClients.Deadline());
}
