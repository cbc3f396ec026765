using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Grpc.Core;
using Grpc.Net.Client;
using Partnerskab.Protos.Cohort.V1;
using Shouldly;

namespace Partnerskab.Gateway.Tests;

/// <summary>One public address: HTTPS only, REST over HTTP/1.1 and HTTP/2, gRPC passed through, the bearer token required.</summary>
[Collection(GatewayCollection.Name)]
public sealed class TransportTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Plain_http_to_the_public_port_is_refused()
    {
        using var plain = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        await Should.ThrowAsync<HttpRequestException>(() => plain.GetAsync($"http://127.0.0.1:{fixture.Gateway.HttpsPort}/v1/partnerships"));
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("2.0")]
    public async Task Rest_answers_over_http_1_1_and_http_2(string version)
    {
        using var http = fixture.Client(Version.Parse(version));
        using var response = await http.GetAsync("v1/partnerships");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Version.ShouldBe(Version.Parse(version));
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["partnerships"].ShouldNotBeNull();
    }

    [Fact]
    public async Task A_call_without_a_token_or_with_a_forged_one_is_401_with_a_bearer_challenge()
    {
        using var anonymous = fixture.Gateway.Client(token: null);
        using var forged = fixture.Gateway.Client(token: fixture.Suite.TokenFor(LocalSuite.Operator)[..^4] + "AAAA");

        using var missing = await anonymous.GetAsync("v1/partnerships");
        using var invalid = await forged.GetAsync("v1/partnerships");

        missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        missing.Headers.WwwAuthenticate.ShouldBe([new AuthenticationHeaderValue("Bearer")]);
        invalid.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        invalid.Headers.WwwAuthenticate.Single().Scheme.ShouldBe("Bearer");
        foreach (var response in new[] { missing, invalid })
        {
            response.MediaType().ShouldBe("application/problem+json");
            JsonNode.Parse(await response.Content.ReadAsStringAsync())!["grpcCode"]!.GetValue<string>().ShouldBe("UNAUTHENTICATED");
        }
    }

    [Fact]
    public async Task Grpc_clients_reach_the_services_through_the_same_address()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Gateway.Url, new GrpcChannelOptions { HttpHandler = fixture.Gateway.Handler() });
        var cohort = new CohortService.CohortServiceClient(channel);
        var token = new Metadata { { "authorization", $"Bearer {fixture.Suite.TokenFor(LocalSuite.Operator)}" } };

        var partnerships = await cohort.ListPartnershipsAsync(new ListPartnershipsRequest(), token, DateTime.UtcNow.AddSeconds(30));
        var invalid = await Should.ThrowAsync<RpcException>(() =>
            cohort.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = "not-a-uuid" }, token, DateTime.UtcNow.AddSeconds(30)).ResponseAsync);
        var anonymous = await Should.ThrowAsync<RpcException>(() =>
            cohort.ListPartnershipsAsync(new ListPartnershipsRequest(), deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync);

        partnerships.ShouldNotBeNull();
        invalid.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        invalid.Status.Detail.ShouldContain("partnership_id");
        anonymous.StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task The_gateway_is_ready_while_the_services_answer()
    {
        using var http = new HttpClient();
        using var ready = await http.GetAsync(new Uri(fixture.Gateway.Process.HttpUrl, "/health/ready"));

        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
