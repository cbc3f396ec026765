using System.Text.Json.Nodes;
using Partnerskab.Gateway.Routing;
using Shouldly;

namespace Partnerskab.Gateway.Tests;

/// <summary>Every REST route of every unary RPC answers through the gateway: none is missing from the gateway or from the service behind it.</summary>
[Collection(GatewayCollection.Name)]
public sealed class RouteTableTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Every_rest_route_reaches_the_service_that_owns_it()
    {
        var routes = SuiteService.Descriptors.SelectMany(RestRoute.Of).ToList();
        using var http = fixture.Client();
        var unrouted = new List<string>();

        foreach (var route in routes)
        {
            var path = FillIn(route.PathTemplate);
            using var request = new HttpRequestMessage(new HttpMethod(route.HttpMethod), path.TrimStart('/'))
            {
                Content = route.HasBody ? Json.Body("{}") : null,
            };
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var isProblem = response.MediaType() == "application/problem+json";
            if (isProblem && JsonNode.Parse(body)!["type"]!.GetValue<string>() == "urn:partnerskab:problem:no-route" || (int)response.StatusCode >= 500)
            {
                unrouted.Add($"{route.HttpMethod} {path} ({route.Rpc.FullName}): {(int)response.StatusCode} {body}");
            }
        }

        unrouted.ShouldBeEmpty();
        var unaryRpcs = SuiteService.Descriptors.SelectMany(s => s.Methods).Where(m => !m.IsClientStreaming).Select(m => m.FullName);
        routes.Select(r => r.Rpc.FullName).Distinct().ShouldBe(unaryRpcs, ignoreOrder: true, "every unary RPC has a REST route");
        routes.Count.ShouldBeGreaterThanOrEqualTo(44);
    }

    [Fact]
    public async Task The_walk_can_fail_a_path_no_service_serves()
    {
        using var http = fixture.Client();
        using var response = await http.GetAsync($"v1/partnerships/{Guid.NewGuid()}/undefinedThings");

        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["type"]!.GetValue<string>().ShouldBe("urn:partnerskab:problem:no-route");
    }

    // Ids as UUIDs, the issuer as a CVR number: enough for the call to reach its handler.
    private static string FillIn(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, "{([a-z_]+)}",
            match => match.Groups[1].Value == "issuer_cvr" ? "12345678" : Guid.NewGuid().ToString());
}
