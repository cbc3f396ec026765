using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Partnerskab.Gateway.OpenApi;
using Partnerskab.Gateway.Routing;
using Shouldly;

namespace Partnerskab.Gateway.Tests;

/// <summary>
/// Every route of the OpenAPI document the gateway serves answers through it: none is missing
/// from the gateway or from the service behind it, and every unary RPC has a route.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed partial class RouteTableTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Every_route_of_the_served_document_reaches_the_service_that_owns_it()
    {
        using var http = fixture.Client();
        var document = await http.GetJsonAsync("openapi/v1.json");
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => (Path: path.Key, Method: operation.Key.ToUpperInvariant(), Operation: operation.Value!)))
            .ToList();
        var unrouted = new List<string>();

        foreach (var (template, method, operation) in operations)
        {
            var path = PathVariable().Replace(template, match => match.Groups[1].Value == "issuer_cvr" ? "12345678" : Guid.NewGuid().ToString());
            using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'))
            {
                Content = operation["requestBody"] is null ? null : Json.Body("{}"),
            };
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (IsNoRoute(response, body) || (int)response.StatusCode >= 500)
            {
                unrouted.Add($"{method} {path}: {(int)response.StatusCode} {body}");
            }
        }

        unrouted.ShouldBeEmpty();
        var unaryRpcs = SuiteService.Descriptors.SelectMany(s => s.Methods).Where(m => !m.IsClientStreaming).Select(m => m.FullName);
        operations.Where(o => (string)o.Operation["tags"]![0]! != JobsOpenApi.Tag).Select(o => (string)o.Operation["description"]!).Distinct()
            .ShouldBe(unaryRpcs.Select(rpc => $"The gRPC method {rpc}."), ignoreOrder: true, "every unary RPC has a REST route");
    }

    [Fact]
    public async Task The_walk_can_fail_on_a_path_no_service_serves()
    {
        using var http = fixture.Client();
        using var response = await http.GetAsync($"v1/partnerships/{Guid.NewGuid()}/undefinedThings");

        IsNoRoute(response, await response.Content.ReadAsStringAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task The_gateway_serves_the_committed_document_and_an_api_page_to_anyone()
    {
        using var anonymous = fixture.Gateway.Client(token: null);
        using var committed = new StreamReader(OpenApiDocument.Committed());

        (await anonymous.GetStringAsync("openapi/v1.json")).ShouldBe(await committed.ReadToEndAsync());
        var page = await anonymous.GetStringAsync("api");
        page.ShouldContain("<redoc spec-url=\"/openapi/v1.json\">");
        page.ShouldNotContain("<script>");
    }

    private static bool IsNoRoute(HttpResponseMessage response, string body) =>
        response.MediaType() == "application/problem+json" && JsonNode.Parse(body)!["type"]!.GetValue<string>() == "urn:partnerskab:problem:no-route";

    [GeneratedRegex("{([a-z_]+)}")]
    private static partial Regex PathVariable();
}
