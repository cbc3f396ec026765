using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Scenario;
using Shouldly;

namespace Partnerskab.Gateway.Tests;

/// <summary>The gateway joins the suite's traces: one trace runs from a REST call through the service into the consumers of its events.</summary>
[Collection(GatewayCollection.Name)]
public sealed class TracingTests(GatewayFixture fixture)
{
    private const int ServerKind = 2;
    private const int ConsumerKind = 5;

    [Fact]
    public async Task One_trace_without_the_cpr_number_follows_a_rest_handover_from_the_gateway_into_the_cohort_service_and_the_outcome_consumer()
    {
        using var http = fixture.Client();
        var partnership = await http.PostJsonAsync("v1/partnerships", Bodies.Partnership($"trace-{Guid.NewGuid():N}", capacity: 10));
        var partnershipId = (string)partnership["partnership"]!["partnershipId"]!;
        var handoverPath = $"/v1/partnerships/{partnershipId}/citizens";
        var cpr = SyntheticCitizens.Cpr(31_337);

        await http.PostJsonAsync(handoverPath.TrimStart('/'), $$"""
            { "cpr": "{{cpr}}", "handoverDate": "2023-04-03", "benefitType": "BENEFIT_TYPE_SICKNESS_BENEFIT",
              "weeksSickListed": 31, "caseReference": "TRACE-1" }
            """);

        var spans = await fixture.Traces.WaitForAsync(all =>
        {
            var root = GatewaySpan(all, handoverPath);
            return root is not null && all.Any(s => s.TraceId == root.TraceId && s.Service == "outcome" && s.Kind == ConsumerKind);
        });
        var trace = spans.Where(s => s.TraceId == GatewaySpan(spans, handoverPath)!.TraceId).ToList();
        trace.ShouldContain(s => s.Service == "cohort" && s.Kind == ServerKind, "the cohort service handled the call inside the gateway's trace");
        trace.ShouldContain(s => s.Service == "outcome" && s.Kind == ConsumerKind, "the outcome consumer of CitizensHandedOver continued it");
        trace.SelectMany(s => s.Attributes).ShouldAllBe(attribute => !attribute.Contains(cpr) && !attribute.Contains(cpr.Replace("-", "")));
    }

    private static OtlpTraceReceiver.ReceivedSpan? GatewaySpan(IReadOnlyList<OtlpTraceReceiver.ReceivedSpan> spans, string path) =>
        spans.LastOrDefault(s => s.Service == "gateway" && s.Kind == ServerKind && s.Attributes.Any(a => a.Contains(path)));
}
