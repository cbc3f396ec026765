using System.Net;
using System.Net.Sockets;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Hosting;
using Shouldly;

namespace Partnerskab.ServiceDefaults.Tests;

/// <summary>Readiness waits for the warm-up's reads, and a read that fails does not keep the service from getting ready.</summary>
public sealed class ServiceWarmUpTests
{
    [Fact]
    public async Task The_service_is_not_ready_until_its_reads_are_done()
    {
        var reads = new GatedReads();
        var warmUp = WarmUp(reads, enabled: true);

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
    public async Task A_refusal_and_a_failure_are_told_apart_and_the_service_gets_ready_after_both()
    {
        var warmUp = WarmUp(new FailingReads(), enabled: true);

        var calls = await warmUp.RunReadsAsync(CancellationToken.None);
        await warmUp.StartedAsync(CancellationToken.None);

        calls.Count.ShouldBe(2);
        calls.Refused.ShouldBe(["GetThing"]);
        calls.Unexpected.Single().ShouldBeOfType<InvalidOperationException>();
        await WaitUntilHealthyAsync(warmUp);
    }

    private static ServiceWarmUp WarmUp(IWarmUp reads, bool enabled)
    {
        var services = new ServiceCollection().AddScoped(_ => reads).BuildServiceProvider();
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

        public Task RunAsync(WarmUpCalls calls) => calls.ReadAsync("GetThing", async context =>
        {
            Started.SetResult();
            await Release.Task;
            Answered++;
            return new HealthCheckResponse();
        });
    }

    private sealed class FailingReads : IWarmUp
    {
        public async Task RunAsync(WarmUpCalls calls)
        {
            await calls.ReadAsync<HealthCheckResponse>("GetThing", _ => throw DomainException.NotFound("no such thing"));
            await calls.ReadAsync<HealthCheckResponse>("GetOther", _ => throw new InvalidOperationException("a query that does not translate"));
        }
    }
}
