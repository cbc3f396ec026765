using System.Net;
using System.Net.Sockets;
using Grpc.AspNetCore.Server;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Hosting;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.ServiceDefaults.Tests;

/// <summary>
/// Readiness waits for the warm-up's reads, each read reaches its gRPC endpoint as a framed request
/// of a caller the access policy admits, marked as the warm-up's, and a read that fails does not
/// keep the service from getting ready.
/// </summary>
public sealed class ServiceWarmUpTests
{
    [Fact]
    public async Task The_service_is_not_ready_until_its_reads_are_done()
    {
        var reads = new GatedReads();
        var warmUp = WarmUp(reads, enabled: true, ("GetThing", context => Answer(context, StatusCode.OK)));

        await warmUp.StartedAsync(CancellationToken.None);
        await reads.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        (await StatusAsync(warmUp)).ShouldBe(HealthStatus.Unhealthy);
        reads.Release.SetResult();

        await WaitUntilHealthyAsync(warmUp);
        reads.Answered.ShouldBe(1);
    }

    [Fact]
    public async Task Switched_off_the_service_is_ready_at_once_without_its_reads()
    {
        var reads = new GatedReads();
        var warmUp = WarmUp(reads, enabled: false);

        await warmUp.StartedAsync(CancellationToken.None);

        (await StatusAsync(warmUp)).ShouldBe(HealthStatus.Healthy);
        reads.Started.Task.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task A_read_reaches_its_endpoint_as_a_framed_request_of_a_caller_the_policy_admits()
    {
        HttpContext? seen = null;
        HealthCheckRequest? request = null;
        var warmUp = WarmUp(new ReadOf("GetThing", new HealthCheckRequest { Service = "thing" }), enabled: true,
            ("GetThing", async context =>
            {
                seen = context;
                var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                request = HealthCheckRequest.Parser.ParseFrom(body.ToArray().AsSpan(5));
                await Answer(context, StatusCode.OK);
            }));

        var calls = await warmUp.RunReadsAsync(CancellationToken.None);

        calls.Refused.ShouldBeEmpty();
        calls.Unexpected.ShouldBeEmpty();
        request!.Service.ShouldBe("thing");
        seen!.Request.Path.Value.ShouldBe("/test.v1.TestService/GetThing");
        seen.Request.ContentType.ShouldBe("application/grpc");
        seen.User.FindAll(SuiteClaims.Role).Select(c => c.Value).ShouldBe(["reader"]);
        seen.User.FindFirst(SuiteClaims.Partnership)!.Value.ShouldBe(SuiteClaims.AllPartnerships);
        seen.Features.Get<WarmUpCall>().ShouldNotBeNull();
    }

    [Fact]
    public async Task A_refusal_and_a_failure_are_told_apart_and_the_service_gets_ready_after_both()
    {
        var warmUp = WarmUp(new FailingReads(), enabled: true,
            ("GetThing", context => Answer(context, StatusCode.NotFound)),
            ("GetOther", context => Answer(context, StatusCode.Internal)));

        var calls = await warmUp.RunReadsAsync(CancellationToken.None);
        await warmUp.StartedAsync(CancellationToken.None);

        calls.Count.ShouldBe(3);
        calls.Refused.ShouldBe(["GetThing"]);
        calls.Unexpected.Count.ShouldBe(2);
        calls.Unexpected[0].ShouldBeOfType<RpcException>().StatusCode.ShouldBe(StatusCode.Internal);
        // An RPC no endpoint serves.
        calls.Unexpected[1].ShouldBeOfType<InvalidOperationException>();
        await WaitUntilHealthyAsync(warmUp);
    }

    private static GrpcMethodMetadata GrpcMethod(string rpc) => new(typeof(object), new Method<HealthCheckRequest, HealthCheckResponse>(
        MethodType.Unary, "test.v1.TestService", rpc,
        Marshallers.Create(r => r.ToByteArray(), HealthCheckRequest.Parser.ParseFrom),
        Marshallers.Create(r => r.ToByteArray(), HealthCheckResponse.Parser.ParseFrom)));

    private static Task Answer(HttpContext context, StatusCode status)
    {
        context.Features.Get<IHttpResponseTrailersFeature>()!.Trailers["grpc-status"] = ((int)status).ToString();
        return Task.CompletedTask;
    }

    private static ServiceWarmUp WarmUp(IWarmUp reads, bool enabled, params (string Rpc, RequestDelegate Answer)[] endpoints)
    {
        var services = new ServiceCollection().AddScoped(_ => reads)
            .AddSingleton<EndpointDataSource>(new DefaultEndpointDataSource(endpoints.Select(e => new RouteEndpoint(e.Answer,
                RoutePatternFactory.Parse($"/test.v1.TestService/{e.Rpc}"), 0, new EndpointMetadataCollection(GrpcMethod(e.Rpc)), e.Rpc))))
            .BuildServiceProvider();
        return new ServiceWarmUp(services.GetRequiredService<IServiceScopeFactory>(),
            new AccessPolicy("test.v1.TestService", new Dictionary<string, string[]> { ["GetThing"] = ["reader"] }),
            new ServiceTokens("test", Options.Create(new AuthOptions())),
            Options.Create(new WarmUpOptions { Enabled = enabled }),
            // The loopback call finds nothing listening there: logged, and the service gets ready all the same.
            Options.Create(new ServiceOptions { GrpcPort = UnusedPort(), HttpPort = 1 }),
            Options.Create(new AuthOptions()),
            NullLogger<ServiceWarmUp>.Instance);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<HealthStatus> StatusAsync(ServiceWarmUp warmUp) =>
        (await warmUp.CheckHealthAsync(new HealthCheckContext())).Status;

    private static async Task WaitUntilHealthyAsync(ServiceWarmUp warmUp)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (await StatusAsync(warmUp) != HealthStatus.Healthy)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("the warm-up never reported ready");
            await Task.Delay(20);
        }
    }

    private sealed class GatedReads : IWarmUp
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Answered { get; private set; }

        public async Task RunAsync(WarmUpCalls calls)
        {
            Started.SetResult();
            await Release.Task;
            await calls.ReadAsync("GetThing", new HealthCheckRequest());
            Answered++;
        }
    }

    private sealed class ReadOf(string rpc, IMessage request) : IWarmUp
    {
        public Task RunAsync(WarmUpCalls calls) => calls.ReadAsync(rpc, request);
    }

    private sealed class FailingReads : IWarmUp
    {
        public async Task RunAsync(WarmUpCalls calls)
        {
            await calls.ReadAsync("GetThing", new HealthCheckRequest());
            await calls.ReadAsync("GetOther", new HealthCheckRequest());
            await calls.ReadAsync("GetNothing", new HealthCheckRequest());
        }
    }
}
