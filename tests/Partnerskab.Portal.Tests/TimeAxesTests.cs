using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using NodaTime;
using Partnerskab.Portal.Formatting;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Scenario.Haderslev;
using Partnerskab.ServiceDefaults;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Portal.Tests;

/// <summary>
/// The two time axes in the portal: reports as known on an earlier day, finance's closed periods,
/// and the explanation of a ledger item.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class TimeAxesTests(PortalSuite portal, Browser browser)
{
    private static readonly CultureInfo Danish = PortalFormat.Danish;

    /// <summary>Before the last quarters of the reference scenario were invoiced and paid: its figures as known then differ from today's.</summary>
    private static readonly Google.Type.Date EarlyDay = ThinSlice.Day(2024, 1, 15);

    private string Dashboard => new Uri(portal.Url, $"/partnerskaber/{portal.ReferencePartnershipId}").ToString();

    private static LocalDate Today => SystemClock.Instance.GetCurrentInstant().InZone(DanishCalendar.Copenhagen).Date;

    [Fact]
    public async Task The_dashboard_and_pack_as_known_on_an_earlier_day_say_so_and_show_what_the_services_knew_then()
    {
        var page = await Pages.SignedInAsync(browser, portal, SuiteRoles.Committee);
        await page.GotoAsync(Dashboard);
        await page.GetByLabel("Opgjort pr.").FillAsync("2025-10-20");
        await page.GetByLabel("Som kendt den").FillAsync("2024-01-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("kendt=2024-01-15"));

        (await page.Locator("#known-on-notice").InnerTextAsync())
            .ShouldBe("Som kendt den 15. januar 2024: tallene er, som de var kendt ved udgangen af den dag. Rettelser registreret senere er ikke med.");
        var then = await CostAsync(EarlyDay);
        var now = await CostAsync(null);
        then.TotalPaidOre.ShouldNotBe(now.TotalPaidOre, "the reference scenario's later payments were not known on the early day");
        var total = (await DashboardTests.RowsAsync(page, "#cost-table-caption")).Single(r => r.StartsWith("I alt\t", StringComparison.Ordinal));
        total.ShouldStartWith($"I alt\t{PortalFormat.Kroner(then.TotalPaidOre, Danish)}\t{PortalFormat.Kroner(then.TotalInvoicedUnpaidOre, Danish)}\t");
        var report = await portal.Services.Clients.Outcome.GetCommitteeReportAsync(new GetCommitteeReportRequest
        {
            PartnershipId = portal.ReferencePartnershipId, AsOf = ReferencePlan.ReportDate, KnownOn = EarlyDay,
        }, deadline: SuiteClients.Deadline());
        var statusRows = await DashboardTests.RowsAsync(page, "#status-table-caption");
        statusRows.Count.ShouldBe(report.Months.Count);
        statusRows[^1].Split('\t')[^4].ShouldBe(PortalFormat.Count(report.Months[^1].InFollowUp, Danish));
        await Browser.CheckAndCaptureAsync(page, "dashboard-known-on");

        await page.GetByRole(AriaRole.Link, new() { Name = "Status på partnerskabsaftale (til udvalget" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/status") && url.Contains("kendt=2024-01-15"));
        (await page.Locator("#pack-known-on").InnerTextAsync()).ShouldBe("15. januar 2024");
        (await page.Locator("#known-on-notice").CountAsync()).ShouldBe(1);
        (await page.Locator("a:has-text('Hent som PDF')").GetAttributeAsync("href")).ShouldNotBeNull().ShouldContain("kendt=2024-01-15");
        await Browser.CheckAndCaptureAsync(page, "committee-pack-known-on");
    }

    [Fact]
    public async Task A_known_on_day_after_today_is_refused_with_a_message_and_no_report()
    {
        var page = await Pages.SignedInAsync(browser, portal, SuiteRoles.Committee);
        var tomorrow = Today.PlusDays(1).ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

        var response = await page.GotoAsync($"{Dashboard}?kendt={tomorrow}");

        response!.Status.ShouldBe((int)HttpStatusCode.BadRequest);
        (await page.Locator("#kendt-error").InnerTextAsync()).ShouldStartWith("»Som kendt den« kan ikke være efter i dag");
        (await page.Locator("table").CountAsync()).ShouldBe(0);
        await Browser.CheckAndCaptureAsync(page, "dashboard-known-on-refused");
    }

    [Fact]
    public async Task The_worklist_as_known_on_yesterday_holds_no_citizen_handed_over_today()
    {
        var (partnership, _, user, password) = await portal.PartnershipWithAdvisorAsync("knownon", 7_000_000);
        var page = await browser.NewPageAsync();
        var worklist = new Uri(portal.Url, $"/partnerskaber/{partnership.PartnershipId}/arbejdsliste").ToString();
        await page.GotoAsync(worklist);
        await Pages.SignInAsync(page, user, password);
        (await page.Locator("table:has(#worklist-caption) tbody tr").CountAsync()).ShouldBeGreaterThan(0, "the citizen handed over today is due a contact");
        (await page.Locator("#known-on-notice").CountAsync()).ShouldBe(0, "as known now is no earlier day");

        var yesterday = Today.PlusDays(-1);
        await page.GetByLabel("Som kendt den").FillAsync(yesterday.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("kendt="));

        (await page.Locator("#known-on-notice").InnerTextAsync()).ShouldStartWith($"Som kendt den {PortalFormat.Date(yesterday, Danish)}:");
        (await page.Locator("main").InnerTextAsync()).ShouldContain($"Opgjort {PortalFormat.Date(yesterday, Danish)}: 0 borgere i opfølgning");
        (await page.Locator("table:has(#worklist-caption)").CountAsync()).ShouldBe(0);
        await Browser.CheckAndCaptureAsync(page, "worklist-known-on");
    }

    [Fact]
    public async Task Finance_reads_the_cost_as_known_on_the_committee_meeting_with_each_year_as_booked_and_as_corrected()
    {
        var page = await Pages.SignedInAsync(browser, portal, SuiteRoles.Finance);
        await page.GotoAsync(new Uri(portal.Url, $"/okonomi/partnerskaber/{portal.ReferencePartnershipId}/omkostninger?dato=2025-10-20&kendt=2024-01-15&moms=uden").ToString());

        var then = await CostAsync(EarlyDay);
        (await page.Locator("#total-paid").InnerTextAsync()).ShouldBe(PortalFormat.Kroner(then.TotalPaidOre, Danish));
        (await page.Locator("#known-on-notice").InnerTextAsync()).ShouldStartWith("Som kendt den 15. januar 2024:");
        var rows = await page.Locator("table:has(#cost-caption) tbody tr").AllInnerTextsAsync();
        rows.Select(r => r.Split('\t')[2]).ShouldBe(then.Years.Select(y => PortalFormat.Kroner(y.CorrectedEarnedOre, Danish)));
        await Browser.CheckAndCaptureAsync(page, "finance-cost-known-on");
    }

    [Fact]
    public async Task Finance_lists_the_closed_periods_closes_one_and_reopens_one_for_a_reason_with_refusals_in_Danish()
    {
        var clients = portal.Services.Clients;
        var slice = await ThinSlice.RunAsync(clients, $"portal-periods-{Guid.NewGuid():N}"[..30], SyntheticCitizens.Cpr(RandomNumberGenerator(8_000_000)), TextWriter.Null);
        var id = slice.Partnership.PartnershipId;
        await clients.Payment.SetRateCardAsync(new SetRateCardRequest
        {
            PartnershipId = id, EffectiveFrom = ThinSlice.Day(2023, 4, 1), HandoverFeeOre = ThinSlice.HandoverFeeOre,
            PayeeAccount = new PayeeAccount { BankRegistrationNumber = "9570", AccountNumber = "0012345678" },
        }, deadline: SuiteClients.Deadline());
        foreach (var (start, issue) in new[] { (ThinSlice.Day(2023, 4, 1), ThinSlice.Day(2023, 5, 1)), (ThinSlice.Day(2023, 5, 1), ThinSlice.Day(2023, 6, 1)) })
        {
            await clients.Payment.RunInvoicesAsync(new RunInvoicesRequest { PartnershipId = id, PeriodStart = start, IssueDate = issue }, deadline: SuiteClients.Deadline());
        }
        var password = PortalSuite.NewPassword();
        var (exitCode, output) = await portal.AddAccountAsync($"demo-finance-periods-{id[..6]}", "Demo finance periods", slice.Partnership.Provider.Cvr, SuiteRoles.Finance, id, password);
        exitCode.ShouldBe(0, output);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Url, $"/okonomi/partnerskaber/{id}/perioder").ToString());
        await Pages.SignInAsync(page, $"demo-finance-periods-{id[..6]}", password);
        (await page.Locator("#no-periods").InnerTextAsync()).ShouldBe("Ingen perioder er lukket endnu.");

        // Neither a day nor a year: the portal says so without asking. June is not invoiced: the service's refusal, in Danish.
        var empty = await Pages.SubmitAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Luk periode" }).ClickAsync());
        empty.Status.ShouldBe((int)HttpStatusCode.BadRequest);
        (await page.Locator("#period_start-error").InnerTextAsync()).ShouldBe("Angiv periodens første dag eller et år.");
        await page.GetByLabel("Periodens første dag").FillAsync("2023-06-01");
        (await Pages.SubmitAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Luk periode" }).ClickAsync())).Status.ShouldBe((int)HttpStatusCode.BadRequest);
        (await page.Locator("#close-form [role='alert']").InnerTextAsync())
            .ShouldContain("Perioden 2023-06-01 til 2023-06-30 er ikke faktureret endnu (fakturakørslerne når til 2023-05-31): kør dens fakturaer, før den lukkes.");
        await Browser.CheckAndCaptureAsync(page, "finance-periods-refused");
        (await ClosedAsync(id)).ShouldBeEmpty("a refused closing writes nothing");

        foreach (var start in new[] { "2023-04-01", "2023-05-01" })
        {
            await page.GetByLabel("Periodens første dag").FillAsync(start);
            await Pages.SubmitAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Luk periode" }).ClickAsync());
            (await page.Locator("#periods-notice").InnerTextAsync()).ShouldBe("Perioden er lukket.");
        }
        var rows = await page.Locator("table:has(#periods-caption) tbody tr").AllInnerTextsAsync();
        rows.Select(r => r.Split('\t')[0]).ShouldBe(["1. april 2023 – 30. april 2023", "1. maj 2023 – 31. maj 2023"]);
        var user = $"demo-finance-periods-{id[..6]}";
        rows.ShouldAllBe(r => r.Contains("\tFaktureringsperiode\tLukket\t") && r.Contains(user));

        // April cannot be reopened while May is closed: the refusal in Danish, and nothing changes.
        await page.GetByLabel("Periode der skal genåbnes").SelectOptionAsync("2023-04-01");
        await page.GetByLabel("Begrundelse for genåbning").FillAsync("registret har omkodet en uge i april");
        (await Pages.SubmitAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Genåbn periode" }).ClickAsync())).Status.ShouldBe((int)HttpStatusCode.BadRequest);
        (await page.Locator("#reopen-form [role='alert']").InnerTextAsync())
            .ShouldContain("Den følgende periode, 2023-05-01 til 2023-05-31, er lukket: genåbn den først.");
        (await page.GetByLabel("Begrundelse for genåbning").InputValueAsync()).ShouldBe("registret har omkodet en uge i april");
        await Browser.CheckAndCaptureAsync(page, "finance-periods-reopen-refused");
        (await ClosedAsync(id)).ShouldAllBe(p => p.ReopenedAt == null);

        await page.GetByLabel("Periode der skal genåbnes").SelectOptionAsync("2023-05-01");
        await Pages.SubmitAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Genåbn periode" }).ClickAsync());
        (await page.Locator("#periods-notice").InnerTextAsync()).ShouldBe("Perioden er genåbnet.");
        var may = (await page.Locator("table:has(#periods-caption) tbody tr").AllInnerTextsAsync())[1];
        may.ShouldContain("\tGenåbnet\t");
        may.ShouldEndWith("registret har omkodet en uge i april");
        (await ClosedAsync(id)).Single(p => p.ReopenedAt != null).ReopenReason.ShouldBe("registret har omkodet en uge i april");
        await Browser.CheckAndCaptureAsync(page, "finance-periods");

        // Only finance reaches the page.
        var kommune = await Pages.SignedInAsync(browser, portal, SuiteRoles.Kommune);
        (await kommune.GotoAsync(new Uri(portal.Url, $"/okonomi/partnerskaber/{portal.ReferencePartnershipId}/perioder").ToString()))!
            .Status.ShouldBe((int)HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_credit_note_line_leads_to_its_explanation_the_correction_that_caused_it_and_the_invoice_it_corrects()
    {
        var id = portal.ReferencePartnershipId;
        var payment = portal.Services.Clients.Payment;
        var documents = (await payment.ListInvoicesAsync(new ListInvoicesRequest { PartnershipId = id, AsOf = ReferencePlan.ReportDate },
            deadline: SuiteClients.Deadline())).Documents;
        // The register correction's credit: a credit note line whose explanation names the fact that caused it.
        (Invoice CreditNote, InvoiceLine Line, ExplainLedgerItemResponse Why)? found = null;
        foreach (var (document, candidate) in documents.Where(d => d.Kind == DocumentKind.CreditNote).SelectMany(d => d.Lines.Select(l => (d, l))))
        {
            var explained = await payment.ExplainLedgerItemAsync(new ExplainLedgerItemRequest { PartnershipId = id, ItemId = candidate.LedgerItemId },
                deadline: SuiteClients.Deadline());
            if (explained.Correction is null) continue;
            found = (document, candidate, explained);
            break;
        }
        found.ShouldNotBeNull("the reference scenario's register correction is credited on a credit note");
        var (creditNote, line, why) = found.Value;

        var page = await Pages.SignedInAsync(browser, portal, SuiteRoles.Finance);
        await page.GotoAsync(new Uri(portal.Url, $"/okonomi/partnerskaber/{id}/fakturaer/{creditNote.InvoiceId}?dato=2025-10-20").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = $"Hvorfor? (linje {line.LineNumber})", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"/posteringer/{line.LedgerItemId}"));

        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Forklaring af en postering");
        (await page.Locator("#item-heading").InnerTextAsync()).ShouldStartWith("Kreditering");
        var correction = await page.Locator("#correction-facts").InnerTextAsync();
        correction.ShouldContain(why.Correction.Reference);
        correction.ShouldContain(why.Correction.ReportedBy);
        correction.ShouldContain(PortalFormat.Moment(why.Correction.KnownAt, Danish));
        correction.ShouldContain(PortalFormat.Date(why.Correction.EffectiveOn, Danish));
        (await page.Locator("#credited-facts").InnerTextAsync()).ShouldContain($"Faktura nr. {why.CreditedDocument.Number}");
        (await page.Locator("#booked-on").InnerTextAsync()).ShouldBe(PortalFormat.Date(why.BookedOn, Danish));
        await Browser.CheckAndCaptureAsync(page, "finance-ledger-item");

        // The credited item's own explanation, and from there the invoice it is on.
        await page.Locator("#credited-facts a[href*='/posteringer/']").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"/posteringer/{why.CreditedItem.ItemId}"));
        await page.Locator("#item-facts").GetByRole(AriaRole.Link, new() { Name = $"Faktura nr. {why.CreditedDocument.Number}" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe($"Faktura nr. {why.CreditedDocument.Number}");

        var committee = await Pages.SignedInAsync(browser, portal, SuiteRoles.Committee);
        (await committee.GotoAsync(new Uri(portal.Url, $"/okonomi/partnerskaber/{id}/posteringer/{line.LedgerItemId}").ToString()))!
            .Status.ShouldBe((int)HttpStatusCode.Forbidden);
    }

    private async Task<GetPartnershipCostResponse> CostAsync(Google.Type.Date? knownOn) =>
        await portal.Services.Clients.Payment.GetPartnershipCostAsync(new GetPartnershipCostRequest
        {
            PartnershipId = portal.ReferencePartnershipId, AsOf = ReferencePlan.ReportDate, KnownOn = knownOn, ExcludingVat = true,
        }, deadline: SuiteClients.Deadline());

    private async Task<IReadOnlyList<ClosedPeriod>> ClosedAsync(string partnershipId) =>
        (await portal.Services.Clients.Payment.ListClosedPeriodsAsync(new ListClosedPeriodsRequest { PartnershipId = partnershipId },
            deadline: SuiteClients.Deadline())).ClosedPeriods;

    private static int RandomNumberGenerator(int from) => System.Security.Cryptography.RandomNumberGenerator.GetInt32(from, from + 1_000_000);
}
