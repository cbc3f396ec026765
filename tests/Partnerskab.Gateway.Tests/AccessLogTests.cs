using Partnerskab.Scenario;
using Shouldly;

namespace Partnerskab.Gateway.Tests;

/// <summary>The gateway logs one line per request, never the body where CPR numbers travel.</summary>
[Collection(GatewayCollection.Name)]
public sealed class AccessLogTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_cpr_number_sent_in_a_body_is_in_no_line_of_the_gateway_log()
    {
        var cpr = SyntheticCitizens.Cpr(90_210);
        var partnershipId = Guid.NewGuid();
        using var http = fixture.Client();

        using var response = await http.PostAsync($"v1/partnerships/{partnershipId}/citizens", Json.Body($$"""
            { "cpr": "{{cpr}}", "handoverDate": "2023-04-03",
              "benefitType": "BENEFIT_TYPE_SICKNESS_BENEFIT", "weeksSickListed": 31, "caseReference": "LOG-1" }
            """));
        var line = $"POST /v1/partnerships/{partnershipId}/citizens HTTP/2 -> {(int)response.StatusCode}";
        (await Poll.UntilAsync(() => fixture.Gateway.Process.Output.Any(l => l.Contains(line, StringComparison.Ordinal)), TimeSpan.FromSeconds(10)))
            .ShouldBeTrue($"the gateway logged \"{line}\"");

        var log = string.Join('\n', fixture.Gateway.Process.Output);
        log.ShouldNotContain(cpr);
        log.ShouldNotContain(cpr.Replace("-", ""));
    }
}
