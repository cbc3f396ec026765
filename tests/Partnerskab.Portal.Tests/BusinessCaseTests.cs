using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using Partnerskab.Portal.Formatting;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Scenario.Haderslev;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Portal.Tests;

/// <summary>The business case page and the committee pack's section, against the reference scenario's synthetic inputs.</summary>
[Collection(PortalCollection.Name)]
public sealed class BusinessCaseTests(PortalSuite portal, Browser browser)
{
    private static readonly CultureInfo Danish = PortalFormat.Danish;

    private string Partnership => new Uri(portal.Url, $"/partnerskaber/{portal.ReferencePartnershipId}").ToString();

    [Fact]
    public async Task The_committee_reads_whether_the_partnership_paid_off_against_the_curve_and_the_comparison_group_and_the_pack_holds_it()
    {
        var expected = await CaseAsync(ReferencePlan.ReportDate);
        expected.Case.Cases.Select(c => c.Comparison).ShouldBe([BusinessCaseComparison.ExpectedCurve, BusinessCaseComparison.Group]);

        var page = await Pages.SignedInAsync(browser, portal, SuiteRoles.Committee);
        await page.GotoAsync($"{Partnership}?dato=2025-10-20");
        await page.GetByRole(AriaRole.Link, new() { Name = "Business case: betaler partnerskabet sig?" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/businesscase?dato=2025-10-20"));

        (await page.Locator("#business-case-cost").InnerTextAsync()).ShouldBe(
            $"Partnerskabets udgifter uden moms: {Kroner(expected.Cost.TotalToDateOre)} til dato, {Kroner(expected.Cost.TotalExpectedOre)} forventet i alt.");
        (await page.Locator("#business-case-inputs").InnerTextAsync()).ShouldContain(expected.Case.Inputs.RatesSource);
        (await page.Locator("#case-1-heading").InnerTextAsync()).ShouldBe("Sammenlignet med den forventede udvikling");
        (await page.Locator("#case-2-heading").InnerTextAsync()).ShouldBe("Sammenlignet med sammenligningsgruppen");
        for (var i = 0; i < expected.Case.Cases.Count; i++)
        {
            var @case = expected.Case.Cases[i];
            var id = $"case-{i + 1}";
            var estimate = @case.Estimate.ShouldNotBeNull(id);
            var facts = await page.Locator($"#{id}-estimate").InnerTextAsync();
            facts.ShouldContain($"{Weeks(estimate.AdditionalSelfSufficientWeeksHundredths)} (95 %-interval: {Weeks(estimate.AdditionalSelfSufficientWeeksLowHundredths)} til {Weeks(estimate.AdditionalSelfSufficientWeeksHighHundredths)})");
            facts.ShouldContain($"{Kroner(estimate.GrossSavingOre)} (95 %-interval: {Kroner(estimate.GrossSavingLowOre)} til {Kroner(estimate.GrossSavingHighOre)})");
            facts.ShouldContain(Kroner(estimate.NetToDateOre));
            (await page.Locator($"#{id}-break-even").InnerTextAsync()).ShouldBe(estimate.HasBreakEvenMonth
                ? $"Måned {estimate.BreakEvenMonth} efter start"
                : "Ikke nået: besparelsen dækker endnu ikke udgifterne til dato.");
            var months = await page.Locator($"table:has(#{id}-caption) tbody tr").AllInnerTextsAsync();
            months.Count.ShouldBe(@case.Months.Count, id);
            var last = @case.Months[^1];
            string[] against = @case.Comparison == BusinessCaseComparison.Group
                ? [PortalFormat.Count(last.Comparison.Citizens, Danish), PortalFormat.Count(last.Comparison.Weeks, Danish), PortalFormat.Count(last.Comparison.SelfSufficientWeeks, Danish)]
                : [PortalFormat.Percent(last.ExpectedSelfSufficientBasisPoints, Danish)];
            months[^1].Split('\t').ShouldBe(
            [
                last.Month.ToString(CultureInfo.InvariantCulture), PortalFormat.Count(last.Cohort.Citizens, Danish),
                PortalFormat.Count(last.Cohort.Weeks, Danish), PortalFormat.Count(last.Cohort.BenefitWeeks, Danish),
                PortalFormat.Count(last.Cohort.SelfSufficientWeeks, Danish), .. against,
                Weeks(last.AdditionalSelfSufficientWeeksHundredths), Kroner(last.Cohort.CostOre),
                Kroner(last.GrossSavingOre), Kroner(last.CumulativeGrossSavingOre),
            ], id);
        }
        (await page.Locator("#case-2-heading + p").InnerTextAsync()).ShouldEndWith(
            $"Sammenligningsgruppen har {PortalFormat.Count(expected.Case.Cases[1].ComparisonCitizens, Danish)} borgere, der har gennemført mindst én måned efter start.");
        await Browser.CheckAndCaptureAsync(page, "business-case");

        await page.GotoAsync($"{Partnership}/status?dato=2025-10-20");
        var section = await page.Locator("#business-case").InnerTextAsync();
        section.ShouldContain(Kroner(expected.Case.Cases[0].Estimate.GrossSavingOre));
        section.ShouldContain(Kroner(expected.Case.Cases[1].Estimate.GrossSavingOre));
        section.ShouldContain(Kroner(expected.Cost.TotalToDateOre));
        await Browser.CheckAndCaptureAsync(page, "committee-pack-business-case");
    }

    [Fact]
    public async Task Too_early_for_any_month_since_start_the_investor_reads_a_plain_Danish_sentence_instead_of_figures()
    {
        var early = ThinSlice.Day(2023, 3, 10);
        var expected = (await CaseAsync(early)).Case.Cases;
        expected.Select(c => c.Reason).ShouldBe([
            "No month since start the expected curve has a share for has been completed by citizens of the cohort.",
            "The comparison group has 0 citizens with a month observed; at least 10 are needed to say anything about the difference.",
        ]);

        var page = await Pages.SignedInAsync(browser, portal, SuiteRoles.Investor);
        await page.GotoAsync($"{Partnership}/businesscase?dato=2023-03-10");

        (await page.Locator("#case-1-reason").InnerTextAsync())
            .ShouldBe("Ingen borger i partnerskabet har endnu gennemført en måned efter start, som den forventede udvikling har en andel for.");
        (await page.Locator("#case-2-reason").InnerTextAsync())
            .ShouldBe("Sammenligningsgruppen har 0 borgere med en observeret måned; der skal mindst 10 til, før der kan siges noget om forskellen.");
        (await page.Locator("#case-1-estimate, #case-2-estimate").CountAsync()).ShouldBe(0);
        await Browser.CheckAndCaptureAsync(page, "business-case-too-early");
    }

    [Fact]
    public async Task Finance_reaches_the_business_case_from_its_start_and_a_provider_is_refused()
    {
        var finance = await Pages.SignedInAsync(browser, portal, SuiteRoles.Finance);
        await finance.GotoAsync(new Uri(portal.Url, "/okonomi").ToString());
        await finance.Locator($"a[href='/partnerskaber/{portal.ReferencePartnershipId}/businesscase']").ClickAsync();
        (await finance.Locator("h1").InnerTextAsync()).ShouldBe("Business case: betaler partnerskabet sig?");
        (await finance.Locator("#business-case-heading").CountAsync()).ShouldBe(1);

        var provider = await Pages.SignedInAsync(browser, portal, SuiteRoles.Provider);
        (await provider.GotoAsync($"{Partnership}/businesscase"))!.Status.ShouldBe((int)HttpStatusCode.Forbidden);
    }

    private async Task<(GetBusinessCaseResponse Case, GetPartnershipCostResponse Cost)> CaseAsync(Google.Type.Date asOf)
    {
        var clients = portal.Services.Clients;
        var cost = await clients.Payment.GetPartnershipCostAsync(new GetPartnershipCostRequest
        {
            PartnershipId = portal.ReferencePartnershipId, AsOf = asOf, ExcludingVat = true,
        }, deadline: SuiteClients.Deadline());
        var answer = await clients.Outcome.GetBusinessCaseAsync(new GetBusinessCaseRequest
        {
            PartnershipId = portal.ReferencePartnershipId, AsOf = asOf, CostToDateOre = cost.TotalToDateOre, CostExpectedOre = cost.TotalExpectedOre,
        }, deadline: SuiteClients.Deadline());
        return (answer, cost);
    }

    private static string Kroner(long ore) => PortalFormat.Kroner(ore, Danish);

    private static string Weeks(long hundredths) => PortalFormat.Hundredths(hundredths, Danish);
}
