using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Grpc.Core;
using Grpc.Net.Client;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Scenario;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Gateway.Tests;

/// <summary>
/// An Idempotency-Key makes a REST write safe to retry: the same key and request replay the first
/// answer (also after a restart of the gateway), a different request is 422, a request while the
/// first still runs is 409, and keys are per caller. gRPC writes honour the same key in metadata.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class IdempotencyTests(GatewayFixture fixture)
{
    [Fact]
    public async Task The_same_key_and_request_replay_the_first_answer_even_after_a_restart()
    {
        var key = Guid.NewGuid().ToString();
        var reference = $"idem-{Guid.NewGuid():N}";
        using var http = fixture.Client();

        using var first = await PostAsync(http, key, Bodies.Partnership(reference, capacity: 10));
        using var second = await PostAsync(http, key, Bodies.Partnership(reference, capacity: 10));
        await fixture.Gateway.Process.KillAsync();
        await fixture.Gateway.Process.StartAsync();
        using var restarted = fixture.Client();
        using var afterRestart = await PostAsync(restarted, key, Bodies.Partnership(reference, capacity: 10));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        var firstBody = await first.Content.ReadAsStringAsync();
        foreach (var replay in new[] { second, afterRestart })
        {
            replay.StatusCode.ShouldBe(HttpStatusCode.OK);
            replay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
            (await replay.Content.ReadAsStringAsync()).ShouldBe(firstBody);
        }
        ((bool)JsonNode.Parse(firstBody)!["created"]!).ShouldBeTrue();
    }

    [Fact]
    public async Task A_refusal_is_replayed_too_and_nothing_is_written()
    {
        var key = Guid.NewGuid().ToString();
        using var http = fixture.Client();

        using var first = await PostAsync(http, key, """{ "reference": "idem-invalid" }""");
        using var again = await PostAsync(http, key, """{ "reference": "idem-invalid" }""");

        first.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        again.Headers.Contains("Idempotent-Replayed").ShouldBeTrue();
        (await again.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_same_key_with_a_different_request_is_422()
    {
        var key = Guid.NewGuid().ToString();
        var reference = $"idem-{Guid.NewGuid():N}";
        using var http = fixture.Client();

        using var first = await PostAsync(http, key, Bodies.Partnership(reference, capacity: 10));
        using var other = await PostAsync(http, key, Bodies.Partnership(reference, capacity: 11));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        other.MediaType().ShouldBe("application/problem+json");
        JsonNode.Parse(await other.Content.ReadAsStringAsync())!["type"]!.GetValue<string>().ShouldBe("urn:partnerskab:problem:idempotency-key-reused");
    }

    [Fact]
    public async Task The_same_key_while_the_first_request_runs_is_409_and_the_first_still_finishes()
    {
        var key = Guid.NewGuid().ToString();
        var body = Bodies.Partnership($"idem-{Guid.NewGuid():N}", capacity: 10);
        using var http = fixture.Client();

        // The cohort service is paused (SIGSTOP), so the first request hangs in it until it is resumed.
        await SignalAsync("STOP", fixture.Suite.Cohort.ProcessId);
        HttpResponseMessage? meanwhile = null;
        Task<HttpResponseMessage> first;
        try
        {
            first = PostAsync(http, key, body);
            await fixture.WaitForIdempotencyKeyAsync(key);
            meanwhile = await PostAsync(http, key, body);
        }
        finally
        {
            await SignalAsync("CONT", fixture.Suite.Cohort.ProcessId);
        }
        using var finished = await first;
        using var afterwards = await PostAsync(http, key, body);

        meanwhile.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        JsonNode.Parse(await meanwhile.Content.ReadAsStringAsync())!["type"]!.GetValue<string>().ShouldBe("urn:partnerskab:problem:idempotency-key-in-flight");
        meanwhile.Dispose();
        finished.StatusCode.ShouldBe(HttpStatusCode.OK);
        afterwards.Headers.Contains("Idempotent-Replayed").ShouldBeTrue();
    }

    [Fact]
    public async Task Keys_are_per_caller()
    {
        var key = Guid.NewGuid().ToString();
        var body = Bodies.Partnership($"idem-{Guid.NewGuid():N}", capacity: 10);
        using var mine = fixture.Client();
        using var theirs = fixture.ClientAs(new TokenSubject("another-kommune-system", [SuiteRoles.Kommune], "29189757", [SuiteClaims.AllPartnerships]));

        using var first = await PostAsync(mine, key, body);
        using var other = await PostAsync(theirs, key, body);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
        other.Headers.Contains("Idempotent-Replayed").ShouldBeFalse("another caller's key of the same name is another key");
        ((bool)JsonNode.Parse(await other.Content.ReadAsStringAsync())!["created"]!).ShouldBeFalse("the service found the partnership by its reference");
    }

    [Fact]
    public async Task A_key_that_is_not_visible_ascii_is_400()
    {
        using var http = fixture.Client();
        using var response = await PostAsync(http, new string('k', 256), Bodies.Partnership("idem-long-key", 10));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["type"]!.GetValue<string>().ShouldBe("urn:partnerskab:problem:invalid-idempotency-key");
    }

    [Fact]
    public async Task A_grpc_write_with_idempotency_key_metadata_replays_its_answer_and_refuses_another_request()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Gateway.Url, new GrpcChannelOptions { HttpHandler = fixture.Gateway.Handler() });
        var cohort = new CohortService.CohortServiceClient(channel);
        var token = fixture.Suite.TokenFor(LocalSuite.Operator);
        Metadata With(string key) => new() { { "authorization", $"Bearer {token}" }, { "idempotency-key", key } };
        var agreement = ThinSlice.HaderslevAgreement($"idem-grpc-{Guid.NewGuid():N}");
        var key = Guid.NewGuid().ToString();

        using var first = cohort.CreatePartnershipAsync(agreement, With(key), Deadline());
        await first;
        using var again = cohort.CreatePartnershipAsync(agreement, With(key), Deadline());
        var other = agreement.Clone();
        other.CohortCapacity += 1;
        var reused = await Should.ThrowAsync<RpcException>(() => cohort.CreatePartnershipAsync(other, With(key), Deadline()).ResponseAsync);

        (await first.ResponseHeadersAsync).Get("idempotent-replayed").ShouldBeNull();
        (await again.ResponseHeadersAsync).Get("idempotent-replayed")!.Value.ShouldBe("true");
        (await again).ShouldBe(await first, "the replay, not the service's answer to a repeated registration (created: false)");
        (await first).Created.ShouldBeTrue();
        reused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);

        var invalidKey = Guid.NewGuid().ToString();
        var refused = await Should.ThrowAsync<RpcException>(() => cohort.CreatePartnershipAsync(new CreatePartnershipRequest(), With(invalidKey), Deadline()).ResponseAsync);
        var refusedAgain = await Should.ThrowAsync<RpcException>(() => cohort.CreatePartnershipAsync(new CreatePartnershipRequest(), With(invalidKey), Deadline()).ResponseAsync);
        refusedAgain.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        refusedAgain.Status.Detail.ShouldBe(refused.Status.Detail);
        refusedAgain.Trailers.GetValueBytes("grpc-status-details-bin").ShouldBe(refused.Trailers.GetValueBytes("grpc-status-details-bin"));
    }

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(30);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string key, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/partnerships") { Content = Json.Body(json) };
        request.Headers.Add("Idempotency-Key", key);
        return await http.SendAsync(request);
    }

    private static async Task SignalAsync(string signal, int pid)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString()]);
        await kill.WaitForExitAsync();
    }
}
