using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Gateway.Tests;

/// <summary>
/// Every kind of bad request answers RFC 9457 problem details with the status its gRPC code
/// maps to, the code's name and the invalid fields by their JSON names, never an exception
/// type or a stack trace, and writes nothing.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ProblemDetailsTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Invalid_fields_are_400_with_each_violation_named_as_in_the_json()
    {
        var problem = await ProblemAsync(HttpMethod.Post, "v1/partnerships",
            """{ "reference": "bad-dates", "contractStart": "2024-13-01" }""", HttpStatusCode.BadRequest);

        problem["grpcCode"]!.GetValue<string>().ShouldBe("INVALID_ARGUMENT");
        problem["type"]!.GetValue<string>().ShouldBe("urn:partnerskab:problem:invalid-argument");
        var violations = problem["violations"]!.AsArray().Select(v => ((string)v!["field"]!, (string)v["description"]!)).ToList();
        violations.ShouldContain(("contractStart", "2024-13-01 is not a calendar date between 1900-01-01 and 2199-12-31"));
        violations.Select(v => v.Item1).ShouldContain("cohortCapacity");
        violations.Select(v => v.Item1).ShouldContain("investor.name");
        (await PartnershipReferencesAsync()).ShouldNotContain("bad-dates");
    }

    [Fact]
    public async Task A_date_not_written_as_yyyy_mm_dd_is_400_naming_its_field_in_a_body_or_a_query()
    {
        var inBody = await ProblemAsync(HttpMethod.Post, "v1/partnerships", """{ "reference": "bad-date-form", "contractEnd": "31-03-2025" }""", HttpStatusCode.BadRequest);
        var inQuery = await ProblemAsync(HttpMethod.Get, $"v1/partnerships/{Guid.NewGuid()}/cost?asOf=yesterday", null, HttpStatusCode.BadRequest);

        inBody["violations"]!.AsArray().Select(v => (string)v!["field"]!).ShouldBe(["contractEnd"]);
        inQuery["violations"]!.AsArray().Select(v => (string)v!["field"]!).ShouldBe(["asOf"]);
        (await PartnershipReferencesAsync()).ShouldNotContain("bad-date-form");
    }

    [Theory]
    [InlineData("{ \"reference\": ", "malformed JSON")]
    [InlineData("{ \"cohortCapacity\": \"many\" }", "a string for a number")]
    [InlineData("{ \"eligibility\": { \"allowedBenefitTypes\": [\"BENEFIT_TYPE_LOTTERY\"] } }", "an unknown enum name")]
    [InlineData("[1, 2, 3]", "an array for an object")]
    public async Task A_body_that_is_not_the_message_is_400_without_internal_detail(string body, string what)
    {
        var problem = await ProblemAsync(HttpMethod.Post, "v1/partnerships", body, HttpStatusCode.BadRequest);

        problem["grpcCode"]!.GetValue<string>().ShouldBe("INVALID_ARGUMENT", what);
        problem.ToJsonString().ShouldNotContain("Exception", Case.Insensitive, what);
        problem.ToJsonString().ShouldNotContain(" at ", Case.Sensitive, what);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        using var http = fixture.Client();
        using var response = await http.PostAsync("v1/partnerships", new StringContent("reference=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.MediaType().ShouldBe("application/problem+json");
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["type"]!.GetValue<string>().ShouldBe("urn:partnerskab:problem:unsupported-media-type");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_naming_the_limit_with_or_without_a_length()
    {
        var padding = new string('x', GatewayFixture.BodyLimit + 1);
        var json = $$"""{ "reference": "too-large", "name": "{{padding}}" }""";
        using var http = fixture.Client();

        using var withLength = await http.PostAsync("v1/partnerships", Json.Body(json));
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "v1/partnerships")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json))) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        chunked.Headers.TransferEncodingChunked = true;
        using var withoutLength = await http.SendAsync(chunked);

        foreach (var response in new[] { withLength, withoutLength })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
            response.MediaType().ShouldBe("application/problem+json");
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            ((long)problem["limit"]!).ShouldBe(GatewayFixture.BodyLimit);
        }
        (await PartnershipReferencesAsync()).ShouldNotContain("too-large");
    }

    [Fact]
    public async Task An_unknown_resource_is_a_404_of_the_service_and_an_unknown_route_a_404_of_the_gateway()
    {
        var missingClaim = await ProblemAsync(HttpMethod.Get, $"v1/claims/{Guid.NewGuid()}", null, HttpStatusCode.NotFound);
        var noRoute = await ProblemAsync(HttpMethod.Get, "v1/partnerships/x/nothing-here", null, HttpStatusCode.NotFound);

        missingClaim["grpcCode"]!.GetValue<string>().ShouldBe("NOT_FOUND");
        noRoute["grpcCode"].ShouldBeNull();
        noRoute["type"]!.GetValue<string>().ShouldBe("urn:partnerskab:problem:no-route");
    }

    [Fact]
    public async Task A_caller_outside_the_partnership_is_403()
    {
        var provider = new TokenSubject("provider-elsewhere", [SuiteRoles.Provider], "11111111", [Guid.NewGuid().ToString()]);
        using var http = fixture.ClientAs(provider);
        using var response = await http.GetAsync($"v1/partnerships/{Guid.NewGuid()}/milestoneDefinitions");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["grpcCode"]!.GetValue<string>().ShouldBe("PERMISSION_DENIED");
    }

    [Fact]
    public async Task Registering_a_partnership_again_with_other_content_is_409()
    {
        using var http = fixture.Client();
        var reference = $"conflict-{Guid.NewGuid():N}";
        await http.PostJsonAsync("v1/partnerships", Bodies.Partnership(reference, capacity: 10));
        var conflict = await ProblemAsync(HttpMethod.Post, "v1/partnerships", Bodies.Partnership(reference, capacity: 11), HttpStatusCode.Conflict);
        conflict["grpcCode"]!.GetValue<string>().ShouldBe("ALREADY_EXISTS");
    }

    private async Task<JsonNode> ProblemAsync(HttpMethod method, string path, string? json, HttpStatusCode expected)
    {
        using var http = fixture.Client();
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : Json.Body(json) };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        response.MediaType().ShouldBe("application/problem+json");
        var problem = JsonNode.Parse(text)!;
        ((int)problem["status"]!).ShouldBe((int)expected);
        problem["title"].ShouldNotBeNull();
        problem["detail"].ShouldNotBeNull();
        return problem;
    }

    private async Task<IReadOnlyList<string>> PartnershipReferencesAsync()
    {
        using var http = fixture.Client();
        var list = await http.GetJsonAsync("v1/partnerships");
        return [.. list["partnerships"]!.AsArray().Select(p => (string)p!["reference"]!)];
    }
}
