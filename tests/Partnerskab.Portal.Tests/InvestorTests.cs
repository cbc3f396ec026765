using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Playwright;
using Partnerskab.Portal.Formatting;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Portal.Tests;

/// <summary>Money beyond one payer in the portal: the investor's position and cash flows, and the cost report per payer.</summary>
[Collection(PortalCollection.Name)]
public sealed class InvestorTests(PortalSuite portal, Browser browser)
{
    private static readonly CultureInfo Danish = PortalFormat.Danish;

    [Fact]
    public async Task Finance_records_the_investors_cash_flows_and_the_investor_reads_the_position_with_its_multiple_and_rate()
    {
        // A partnership of its own: the reference scenario's investor already has cash flows, derived from the outcome payments.
        var partnership = await PartnershipAsync("portal-investor");
        var id = partnership.PartnershipId;
        var address = new Uri(portal.Url, $"/partnerskaber/{id}/investor?dato=2025-10-20").ToString();
        var finance = await Pages.SignedInForAsync(browser, portal, SuiteRoles.Finance, partnership);
        await finance.GotoAsync(address);
        (await finance.Locator("#irr").InnerTextAsync()).ShouldStartWith("Ingen: pengestrømmene skifter ikke fortegn");
        (await finance.Locator("#no-cash-flows").CountAsync()).ShouldBe(1);

        // An amount the portal cannot read, then a repayment before anything is drawn, which the service refuses: in Danish, nothing recorded.
        await FillAsync(finance, "Tilbagebetaling af kapital", "2023-06-30", "12,345", "bank-1");
        (await Pages.SubmitAsync(finance, () => finance.GetByRole(AriaRole.Button, new() { Name = "Registrér pengestrøm" }).ClickAsync())).Status
            .ShouldBe((int)HttpStatusCode.BadRequest);
        (await finance.Locator("#amount_ore-error").InnerTextAsync()).ShouldBe("Skriv et positivt beløb i kroner med højst to decimaler.");
        await finance.GetByLabel("Beløb i kroner").FillAsync("1000000");
        (await Pages.SubmitAsync(finance, () => finance.GetByRole(AriaRole.Button, new() { Name = "Registrér pengestrøm" }).ClickAsync())).Status
            .ShouldBe((int)HttpStatusCode.BadRequest);
        (await finance.Locator("#cash-flow-form [role='alert']").InnerTextAsync())
            .ShouldContain("Tilbagebetalt kapital pr. 2023-06-30 ville være");
        await Browser.CheckAndCaptureAsync(finance, "investor-refused");
        (await FlowsAsync(id)).ShouldBeEmpty();

        foreach (var (kind, day, amount, reference) in new[]
        {
            ("Tilsagn om kapital", "2023-02-01", "5000000", "aftale-4.1"),
            ("Træk (betalt til leverandøren)", "2023-03-01", "3000000,00", "bank-2023-03-01"),
            ("Tilbagebetaling af kapital", "2024-12-31", "3000000", "bank-2024-12-31"),
            ("Afkast til investoren", "2025-06-30", "450000,50", "bank-2025-06-30"),
        })
        {
            await FillAsync(finance, kind, day, amount, reference);
            await Pages.SubmitAsync(finance, () => finance.GetByRole(AriaRole.Button, new() { Name = "Registrér pengestrøm" }).ClickAsync());
            (await finance.Locator("#cash-flow-notice").InnerTextAsync()).ShouldBe($"Pengestrømmen {reference} er registreret.");
            await finance.GotoAsync(address);
        }
        var flows = await finance.Locator("table:has(#cash-flows-caption) tbody tr").AllInnerTextsAsync();
        flows.Select(r => r.Split('\t')[2]).ShouldBe(["5.000.000,00 kr.", "3.000.000,00 kr.", "3.000.000,00 kr.", "450.000,50 kr."]);
        (await FlowsAsync(id)).Select(f => f.AmountOre).ShouldBe([500_000_000, 300_000_000, 300_000_000, 45_000_050]);

        var position = await portal.Services.Clients.Payment.GetInvestorPositionAsync(new GetInvestorPositionRequest { PartnershipId = id, AsOf = ThinSlice.Day(2025, 10, 20) },
            deadline: SuiteClients.Deadline());
        position.RateOfReturnStatus.ShouldBe(RateOfReturnStatus.Rate);
        var investor = await Pages.SignedInForAsync(browser, portal, SuiteRoles.Investor, partnership);
        await investor.GotoAsync(new Uri(portal.Url, $"/partnerskaber/{id}?dato=2025-10-20").ToString());
        await investor.GetByRole(AriaRole.Link, new() { Name = "Investorens stilling" }).ClickAsync();
        await investor.WaitForURLAsync(url => url.Contains("/investor"));
        (await investor.Locator("#capital-drawn").InnerTextAsync()).ShouldBe("3.000.000,00 kr.");
        (await investor.Locator("#capital-outstanding").InnerTextAsync()).ShouldBe(PortalFormat.Kroner(position.OutstandingOre, Danish));
        (await investor.Locator("#moic").InnerTextAsync()).ShouldBe($"{PortalFormat.Multiple(position.MultipleTenThousandths, Danish)} gange");
        (await investor.Locator("#moic").InnerTextAsync()).ShouldBe("1,15 gange");
        (await investor.Locator("#irr").InnerTextAsync()).ShouldBe($"{PortalFormat.AnnualRate(position.RateOfReturn, Danish)} om året");
        (await investor.Locator("#cash-flows-heading, #cash-flow-form").CountAsync()).ShouldBe(0, "the cash flows are finance's");
        await Browser.CheckAndCaptureAsync(investor, "investor-position");
        await Browser.CheckAndCaptureAsync(finance, "investor-finance");

        var kommune = await Pages.SignedInForAsync(browser, portal, SuiteRoles.Kommune, partnership);
        (await kommune.GotoAsync(address))!.Status.ShouldBe((int)HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Finance_reads_the_cost_of_a_split_price_per_payer()
    {
        var clients = portal.Services.Clients;
        var partnership = await PartnershipAsync("portal-payers");
        var id = partnership.PartnershipId;
        var card = TestRateCards.FullRateCard(id, ThinSlice.Day(2023, 3, 1));
        card.Payers.Add(new Payer { PayerId = "KOMMUNE", Name = "Haderslev Kommune", Cvr = "29189757", Ean = "5798000420526", ShareBasisPoints = 8_000 });
        card.Payers.Add(new Payer { PayerId = "FUND", Name = "Udfaldsfonden", Cvr = "11223344", Ean = "5798000123458", ShareBasisPoints = 2_000 });
        card.RemainderPayerId = "KOMMUNE";
        await clients.Payment.SetRateCardAsync(card, deadline: SuiteClients.Deadline());
        await clients.Cohort.HandOverCitizenAsync(new HandOverCitizenRequest
        {
            PartnershipId = id, Cpr = SyntheticCitizens.Cpr(RandomNumberGenerator.GetInt32(9_000_000, 10_000_000)), HandoverDate = ThinSlice.Day(2023, 4, 3),
            BenefitType = BenefitType.SicknessBenefit, WeeksSickListed = 30, CaseReference = "PAY-1",
        }, deadline: SuiteClients.Deadline());
        var until = DateTime.UtcNow.AddSeconds(60);
        while ((await clients.Payment.GetLedgerAsync(new GetLedgerRequest { PartnershipId = id }, deadline: SuiteClients.Deadline())).Items.Count < 2)
        {
            DateTime.UtcNow.ShouldBeLessThan(until, "the handover fee was not booked per payer");
            await Task.Delay(200);
        }
        var page = await Pages.SignedInForAsync(browser, portal, SuiteRoles.Finance, partnership);
        await page.GotoAsync(new Uri(portal.Url, $"/okonomi/partnerskaber/{id}/omkostninger?dato=2023-06-30&moms=uden").ToString());
        var payers = await page.Locator("table:has(#payers-caption) tbody tr").AllInnerTextsAsync();
        payers.Select(r => r.Split('\t')[0]).ShouldBe(["FUND", "KOMMUNE"], ignoreOrder: true);
        await Browser.CheckAndCaptureAsync(page, "finance-cost-payers");

        await page.GetByRole(AriaRole.Link, new() { Name = "FUND", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("betaler=FUND"));
        var fund = await clients.Payment.GetPartnershipCostAsync(new GetPartnershipCostRequest
        {
            PartnershipId = id, AsOf = ThinSlice.Day(2023, 6, 30), ExcludingVat = true, PayerId = "FUND",
        }, deadline: SuiteClients.Deadline());
        fund.TotalEarnedOre.ShouldBeGreaterThanOrEqualTo(TestRateCards.HandoverFeeOre / 5, "the fund's fifth of the handover fee at least");
        (await page.Locator("#cost-payer").InnerTextAsync()).ShouldStartWith("Betalerens andel: FUND.");
        (await page.Locator("table:has(#cost-caption) tfoot tr").InnerTextAsync()).Split('\t')[1].ShouldBe(PortalFormat.Kroner(fund.TotalEarnedOre, Danish));
        (await page.Locator("#payers-caption").CountAsync()).ShouldBe(0, "a payer's own report lists no payers");
    }

    private async Task<Partnership> PartnershipAsync(string name) =>
        (await portal.Services.Clients.Cohort.CreatePartnershipAsync(ThinSlice.HaderslevAgreement($"{name}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}"),
            deadline: SuiteClients.Deadline())).Partnership;

    private static async Task FillAsync(IPage page, string kind, string day, string amount, string reference)
    {
        await page.GetByLabel("Slags").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await page.GetByLabel("Dag", new() { Exact = true }).FillAsync(day);
        await page.GetByLabel("Beløb i kroner").FillAsync(amount);
        await page.GetByLabel("Reference").FillAsync(reference);
    }

    private async Task<IReadOnlyList<InvestorCashFlow>> FlowsAsync(string partnershipId) =>
        (await portal.Services.Clients.Payment.ListInvestorCashFlowsAsync(new ListInvestorCashFlowsRequest { PartnershipId = partnershipId },
            deadline: SuiteClients.Deadline())).CashFlows;
}
