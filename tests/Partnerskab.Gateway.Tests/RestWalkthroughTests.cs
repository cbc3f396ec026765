using System.Text;
using System.Text.Json.Nodes;
using Partnerskab.Scenario;
using Shouldly;

namespace Partnerskab.Gateway.Tests;

/// <summary>
/// One partnership driven end to end through the gateway's REST API by a plain HTTP client with
/// JSON written by hand, as a kommune's case system or finance system would.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class RestWalkthroughTests(GatewayFixture fixture)
{
    private const string ProviderCvr = "12345678";

    [Fact]
    public async Task A_partnership_runs_from_registration_to_cost_report_over_rest()
    {
        using var http = fixture.Client();
        var reference = $"rest-{Guid.NewGuid():N}";

        var created = await http.PostJsonAsync("v1/partnerships", $$"""
            {
              "reference": "{{reference}}",
              "name": "Haderslev: job-directed effort",
              "kommune": { "name": "Haderslev Kommune", "cvr": "29189757", "ean": "5798000420526" },
              "provider": { "name": "Carelink", "cvr": "{{ProviderCvr}}" },
              "investor": { "name": "Den Sociale Kapitalfond" },
              "contractStart": "2023-03-01",
              "contractEnd": "2025-03-31",
              "cohortCapacity": 150,
              "followUpMonths": 24,
              "handoverWindowStart": "2023-03-01",
              "handoverWindowEnd": "2023-06-30",
              "eligibility": { "minWeeksSickListed": 26, "allowedBenefitTypes": ["BENEFIT_TYPE_SICKNESS_BENEFIT"] }
            }
            """);
        var partnershipId = (string)created["partnership"]!["partnershipId"]!;
        ((bool)created["created"]!).ShouldBeTrue();
        (await http.GetJsonAsync($"v1/partnerships/{partnershipId}"))["partnership"]!["reference"]!.GetValue<string>().ShouldBe(reference);

        await http.PutJsonAsync($"v1/partnerships/{partnershipId}/milestoneDefinitions", """
            { "definitions": [ { "code": "JOB_START", "description": "First verified job start",
                                 "ruleKind": "MILESTONE_RULE_KIND_FIRST_VERIFIED_OUTCOME", "outcomeKind": "OUTCOME_KIND_JOB_START" } ] }
            """);
        await http.PostJsonAsync($"v1/partnerships/{partnershipId}/rateCards", """
            {
              "effectiveFrom": "2023-03-01",
              "handoverFeeOre": 1000000,
              "milestonePrices": [ { "milestoneCode": "JOB_START", "amountOre": 2500000 } ],
              "vatRateBasisPoints": 2500,
              "invoicingPeriod": "BILLING_INTERVAL_QUARTERLY",
              "paymentTermsDays": 30,
              "payeeAccount": { "bankRegistrationNumber": "1234", "accountNumber": "0012345678" }
            }
            """);

        var cpr = SyntheticCitizens.Cpr(4711);
        var handedOver = await http.PostJsonAsync($"v1/partnerships/{partnershipId}/citizens", $$"""
            { "cpr": "{{cpr}}", "handoverDate": "2023-04-03",
              "benefitType": "BENEFIT_TYPE_SICKNESS_BENEFIT", "weeksSickListed": 31, "caseReference": "HAD-REST-1" }
            """);
        var citizenId = (string)handedOver["citizen"]!["citizenId"]!;
        handedOver.ToJsonString().ShouldNotContain(cpr.Replace("-", ""));

        // A date may also be sent in the proto's own form.
        var claim = await http.PostJsonAsync($"v1/partnerships/{partnershipId}/citizens/{citizenId}/claims", """
            { "claimReference": "CL-REST-1", "kind": "OUTCOME_KIND_JOB_START", "outcomeDate": { "year": 2023, "month": 9, "day": 4 },
              "hoursPerWeekHundredths": 2000, "employerCvr": "87654321", "evidenceReference": "employment contract" }
            """);
        var claimId = (string)claim["claim"]!["claimId"]!;
        var verified = await http.PostJsonAsync($"v1/claims/{claimId}:verify", """{ "verifiedBy": "jobcenter-caseworker-17" }""");
        verified["claim"]!["status"]!.GetValue<string>().ShouldBe("CLAIM_STATUS_VERIFIED");
        verified["milestonesReached"]!.AsArray().Count.ShouldBe(1);

        await LedgerAsync(http, partnershipId, items: 2);
        var q2 = await http.PostJsonAsync($"v1/partnerships/{partnershipId}/invoices:run",
            """{ "periodStart": "2023-04-01", "issueDate": "2023-07-03" }""");
        var q3 = await http.PostJsonAsync($"v1/partnerships/{partnershipId}/invoices:run",
            """{ "periodStart": "2023-07-01", "issueDate": "2023-10-02" }""");
        var handoverInvoice = q2["documents"]!.AsArray().ShouldHaveSingleItem()!;
        var jobStartInvoice = q3["documents"]!.AsArray().ShouldHaveSingleItem()!;
        ((long)handoverInvoice["netAmountOre"]!).ShouldBe(1_000_000);
        ((long)jobStartInvoice["netAmountOre"]!).ShouldBe(2_500_000);
        ((long)jobStartInvoice["totalAmountOre"]!).ShouldBe(3_125_000, "money is whole øre as a JSON number, VAT 25 %");
        jobStartInvoice["dueDate"]!.GetValue<string>().ShouldBe("2023-11-01");
        claim["claim"]!["outcomeDate"]!.GetValue<string>().ShouldBe("2023-09-04");

        var exported = await http.GetJsonAsync($"v1/invoices/{(string)jobStartInvoice["invoiceId"]!}:exportXml");
        var xml = Encoding.UTF8.GetString(Convert.FromBase64String((string)exported["xml"]!));
        xml.ShouldContain("<cbc:PayableAmount currencyID=\"DKK\">31250.00</cbc:PayableAmount>");
        ((string)exported["fileName"]!).ShouldBe($"invoice-{ProviderCvr}-{(long)jobStartInvoice["number"]!}.xml");

        var payments = await http.PostJsonAsync($"v1/issuers/{ProviderCvr}/payments", $$"""
            { "lines": [ { "bankLineId": "bank-{{partnershipId}}", "amountOre": 1250000,
                           "bookedOn": "2023-07-20", "reference": "Faktura {{(long)handoverInvoice["number"]!}}" } ] }
            """);
        payments["lines"]![0]!["result"]!.GetValue<string>().ShouldBe("PAYMENT_LINE_RESULT_RECORDED");

        var cost = await http.GetJsonAsync($"v1/partnerships/{partnershipId}/cost?asOf=2023-12-31");
        ((long)cost["totalEarnedOre"]!).ShouldBe(3_500_000);
        ((long)cost["totalPaidOre"]!).ShouldBe(1_250_000);
        cost["asOf"]!.GetValue<string>().ShouldBe("2023-12-31");
    }

    /// <summary>The ledger is fed by events; wait until it holds the expected items.</summary>
    private static async Task<JsonArray> LedgerAsync(HttpClient http, string partnershipId, int items)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var ledger = (await http.GetJsonAsync($"v1/partnerships/{partnershipId}/ledger"))["items"]?.AsArray() ?? [];
            if (ledger.Count >= items) return ledger;
            if (DateTime.UtcNow > until) throw new TimeoutException($"The ledger holds {ledger.Count} items, not {items}.");
            await Task.Delay(200);
        }
    }
}
