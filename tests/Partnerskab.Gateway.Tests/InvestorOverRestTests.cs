using System.Text.Json.Nodes;
using Shouldly;

namespace Partnerskab.Gateway.Tests;

/// <summary>
/// The money beyond one payer over REST, as a finance system and the kommune would call it: a rate
/// card split across two payers that passes outcome payments through, the investor's cash flows
/// and position, the kommune's disclosure and the INDIGO record, one payer's cost report; refusals
/// as problem details naming the field.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class InvestorOverRestTests(GatewayFixture fixture)
{
    private const string RateCard = """
        {
          "effectiveFrom": "2023-03-01",
          "handoverFeeOre": 1000000,
          "milestonePrices": [ { "milestoneCode": "JOB_START", "amountOre": 2500000 } ],
          "invoicingPeriod": "BILLING_INTERVAL_QUARTERLY",
          "payeeAccount": { "bankRegistrationNumber": "1234", "accountNumber": "0012345678" },
          "payers": [
            { "payerId": "KOMMUNE", "name": "Haderslev Kommune", "cvr": "29189757", "ean": "5798000420526", "shareBasisPoints": 8000 },
            { "payerId": "FUND", "name": "Udfaldsfonden", "cvr": "11223344", "ean": "FUND_EAN", "shareBasisPoints": 2000 }
          ],
          "remainderPayerId": "KOMMUNE",
          "investorPassThroughBasisPoints": 10000
        }
        """;

    [Fact]
    public async Task Payers_the_investors_cash_flows_and_position_and_the_INDIGO_record_have_their_routes_and_refusals_are_problem_details()
    {
        using var http = fixture.Client();
        var created = await http.PostJsonAsync("v1/partnerships", Bodies.Partnership($"rest-investor-{Guid.NewGuid():N}", 10));
        var partnershipId = (string)created["partnership"]!["partnershipId"]!;

        var withoutEan = await http.PostJsonAsync($"v1/partnerships/{partnershipId}/rateCards", RateCard.Replace("FUND_EAN", ""), expectedStatus: 400);
        Fields(withoutEan).ShouldBe(["payers[1].ean"]);
        var card = await http.PostJsonAsync($"v1/partnerships/{partnershipId}/rateCards", RateCard.Replace("FUND_EAN", "5798000123458"));
        ((int)card["rateCard"]!["investorPassThroughBasisPoints"]!).ShouldBe(10_000);
        card["rateCard"]!["milestonePrices"]![0]!["payerParts"]!.AsArray().Select(p => (long)p!["amountOre"]!).ShouldBe([2_000_000L, 500_000L]);

        await http.PostJsonAsync($"v1/partnerships/{partnershipId}/investorCashFlows", """
            { "kind": "INVESTOR_CASH_FLOW_KIND_DRAWDOWN", "occurredOn": "2023-03-01", "amountOre": 100000000, "reference": "bank 2023-03-01" }
            """);
        var byHand = await http.PostJsonAsync($"v1/partnerships/{partnershipId}/investorCashFlows", """
            { "kind": "INVESTOR_CASH_FLOW_KIND_OUTCOME_PAYMENT", "occurredOn": "2023-10-01", "amountOre": 100, "reference": "by hand" }
            """, expectedStatus: 400);
        Fields(byHand).ShouldBe(["kind"]);
        var listed = await http.GetJsonAsync($"v1/partnerships/{partnershipId}/investorCashFlows?asOf=2023-12-31");
        listed["cashFlows"]!.AsArray().Select(f => (string)f!["reference"]!).ShouldBe(["bank 2023-03-01"]);
        var position = await http.GetJsonAsync($"v1/partnerships/{partnershipId}/investorPosition?asOf=2023-12-31");
        ((long)position["drawnOre"]!, (long)position["outstandingOre"]!).ShouldBe((100_000_000L, 100_000_000L));
        position["rateOfReturnStatus"]!.GetValue<string>().ShouldBe("RATE_OF_RETURN_STATUS_NO_SOLUTION");

        var disclosed = await http.PostJsonAsync($"v1/partnerships/{partnershipId}/disclosure", """
            { "fields": [ { "field": "INDIGO_FIELD_NAME", "disclosure": "DISCLOSURE_PUBLIC" } ] }
            """);
        disclosed["fields"]!.AsArray().Count(f => (string)f!["disclosure"]! == "DISCLOSURE_PUBLIC").ShouldBe(1);
        var indigo = await http.GetJsonAsync($"v1/partnerships/{partnershipId}:exportIndigo?asOf=2023-12-31");
        var record = JsonNode.Parse((string)indigo["recordJson"]!)!.AsObject();
        record.Select(p => p.Key).Order(StringComparer.Ordinal).ShouldBe(["name", "status"]);

        var fund = await http.GetJsonAsync($"v1/partnerships/{partnershipId}/cost?asOf=2023-12-31&payerId=FUND");
        ((string)fund["payerId"]!).ShouldBe("FUND");
        var nobody = await http.GetJsonAsync($"v1/partnerships/{partnershipId}/cost?asOf=2023-12-31&payerId=NOBODY", expectedStatus: 404);
        nobody["grpcCode"]!.GetValue<string>().ShouldBe("NOT_FOUND");
    }

    private static List<string> Fields(JsonNode problem)
    {
        problem["grpcCode"]!.GetValue<string>().ShouldBe("INVALID_ARGUMENT");
        return [.. problem["violations"]!.AsArray().Select(v => (string)v!["field"]!)];
    }
}
