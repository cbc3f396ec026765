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

        // The citizens come as a provider's nightly CSV file: checked first (nothing written), then imported.
        var cpr = SyntheticCitizens.Cpr(4711);
        var citizens = $"""
            cpr;handoverDate;benefitType;weeksSickListed;caseReference
            {cpr};2023-04-03;BENEFIT_TYPE_SICKNESS_BENEFIT;31;HAD-REST-1
            {SyntheticCitizens.Cpr(4712)};2023-04-03;BENEFIT_TYPE_SICKNESS_BENEFIT;12;HAD-REST-2
            {SyntheticCitizens.Cpr(4713)};2023-04-04;BENEFIT_TYPE_SICKNESS_BENEFIT;27;HAD-REST-3
            """;
        var validated = await http.RunJobAsync($"v1/partnerships/{partnershipId}/citizens:import?mode=validate", citizens);
        validated["mode"]!.GetValue<string>().ShouldBe("validate");
        validated.Progress().ShouldBe((3, 2, 0, 1));
        validated.Row(2)["violations"]![0]!["field"]!.GetValue<string>().ShouldBe("weeksSickListed", "too few weeks for the partnership's rules");
        ((int?)(await http.GetJsonAsync($"v1/partnerships/{partnershipId}/citizens:count"))["total"] ?? 0).ShouldBe(0, "a validation writes nothing");

        var imported = await http.RunJobAsync($"v1/partnerships/{partnershipId}/citizens:import", citizens);
        imported.Progress().ShouldBe((3, 2, 0, 1));
        imported.ToJsonString().ShouldNotContain(cpr.Replace("-", ""));
        var citizenId = (string)imported.Row(1)["citizenId"]!;
        var secondCitizenId = (string)imported.Row(3)["citizenId"]!;
        imported.Row(2)["reference"]!.GetValue<string>().ShouldBe("HAD-REST-2");

        // The provider's weekly statuses, hours with a Danish decimal comma; one row names no status the API has.
        await http.WaitForFollowUpAsync(partnershipId, citizenId);
        await http.WaitForFollowUpAsync(partnershipId, secondCitizenId);
        var statuses = await http.RunJobAsync($"v1/partnerships/{partnershipId}/weeklyStatuses:import?source=STATUS_SOURCE_PROVIDER", $"""
            citizenId;isoWeekYear;isoWeek;status;paidHours
            {citizenId};2023;15;WEEKLY_STATUS_SICKNESS_BENEFIT;0
            {citizenId};2023;36;WEEKLY_STATUS_ORDINARY_EMPLOYMENT;"20,5"
            {secondCitizenId};2023;36;WEEKLY_STATUS_ON_HOLIDAY;0
            """);
        statuses.Progress().ShouldBe((3, 2, 0, 1));
        statuses.Row(3)["violations"]![0]!["field"]!.GetValue<string>().ShouldBe("status");
        // The business case's comparison group: its register weeks as a job (a citizen of the cohort among them is refused), then its
        // citizens with the day they entered the target group. Neither becomes a citizen of the partnership or earns a fee.
        var comparisonId = Guid.NewGuid().ToString("N");
        var comparisonWeeks = await http.RunJobAsync($"v1/partnerships/{partnershipId}/weeklyStatuses:import?source=STATUS_SOURCE_COMPARISON_REGISTER", $"""
            citizenId;isoWeekYear;isoWeek;status;paidHours
            {comparisonId};2023;15;WEEKLY_STATUS_SICKNESS_BENEFIT;0
            {citizenId};2023;15;WEEKLY_STATUS_SICKNESS_BENEFIT;0
            """);
        comparisonWeeks.Progress().ShouldBe((2, 1, 0, 1));
        comparisonWeeks.Row(2)["violations"]![0]!["field"]!.GetValue<string>().ShouldBe("citizenId");
        var registered = await http.PostJsonAsync($"v1/partnerships/{partnershipId}/comparisonCitizens:register",
            $$"""{ "citizens": [ { "citizenId": "{{comparisonId}}", "targetGroupStart": "2023-04-10" } ] }""");
        ((int)registered["registered"]!).ShouldBe(1);
        ((int)(await http.GetJsonAsync($"v1/partnerships/{partnershipId}/citizens:count"))["total"]!).ShouldBe(2);
        var timeline = await http.GetJsonAsync($"v1/partnerships/{partnershipId}/citizens/{citizenId}/timeline");
        var week36 = timeline["weeks"]!.AsArray().Single(w => (int)w!["isoWeek"]! == 36)!;
        ((int)week36["paidHoursHundredths"]!).ShouldBe(2050);

        // A date may also be sent in the proto's own form.
        var claim = await http.PostJsonAsync($"v1/partnerships/{partnershipId}/citizens/{citizenId}/claims", """
            { "claimReference": "CL-REST-1", "kind": "OUTCOME_KIND_JOB_START", "outcomeDate": { "year": 2023, "month": 9, "day": 4 },
              "hoursPerWeekHundredths": 2000, "employerCvr": "87654321", "evidenceReference": "employment contract" }
            """);
        var claimId = (string)claim["claim"]!["claimId"]!;
        var verified = await http.PostJsonAsync($"v1/claims/{claimId}:verify", """{ "verifiedBy": "jobcenter-caseworker-17" }""");
        verified["claim"]!["status"]!.GetValue<string>().ShouldBe("CLAIM_STATUS_VERIFIED");
        verified["milestonesReached"]!.AsArray().Count.ShouldBe(1);

        await LedgerAsync(http, partnershipId, items: 3);
        var q2 = await http.PostJsonAsync($"v1/partnerships/{partnershipId}/invoices:run",
            """{ "periodStart": "2023-04-01", "issueDate": "2023-07-03" }""");
        var q3 = await http.PostJsonAsync($"v1/partnerships/{partnershipId}/invoices:run",
            """{ "periodStart": "2023-07-01", "issueDate": "2023-10-02" }""");
        var handoverInvoice = q2["documents"]!.AsArray().ShouldHaveSingleItem()!;
        var jobStartInvoice = q3["documents"]!.AsArray().ShouldHaveSingleItem()!;
        ((long)handoverInvoice["netAmountOre"]!).ShouldBe(2_000_000, "two citizens handed over");
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
        ((long)cost["totalEarnedOre"]!).ShouldBe(4_500_000);
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
