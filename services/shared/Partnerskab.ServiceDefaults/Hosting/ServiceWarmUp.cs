using System.Diagnostics;
using System.Net;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Partnerskab.ServiceDefaults.Access;

namespace Partnerskab.ServiceDefaults.Hosting;

/// <summary>Bound from the "WarmUp" configuration section.</summary>
public sealed class WarmUpOptions
{
    public const string Section = "WarmUp";

    /// <summary>Off only where no caller waits on readiness (the in-process tests, which make their own first call).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>A service's own reads, run by <see cref="ServiceWarmUp"/> before the service reports ready.</summary>
public interface IWarmUp
{
    Task RunAsync(WarmUpCalls calls);
}

/// <summary>
/// Runs the service's own request path once after Kestrel listens and before /health/ready says
/// ready, so the first caller after a restart does not pay for it: the service's
/// <see cref="IWarmUp"/> reads in-process through their gRPC endpoints against the real database
/// (<see cref="WarmUpCalls"/>: grpc-dotnet's handler for each RPC, the interceptors, EF's model and
/// query compilation, Npgsql's type loading, the handlers, the answers' serialisation, the audit
/// log's insert), then one grpc.health.v1 Check over loopback with the service's own token
/// (Kestrel's HTTP/2, the token's validation). Nothing is written: the reads' audit entries are
/// rolled back, and the health check is neither governed nor audited. The reads' caller exists only
/// in the process, so no role is widened. A read that fails is logged and the warm-up goes on: the
/// database's own readiness check speaks for the database. Liveness does not wait for it.
/// </summary>
public sealed class ServiceWarmUp(
    IServiceScopeFactory scopes,
    AccessPolicy policy,
    ServiceTokens tokens,
    IOptions<WarmUpOptions> options,
    IOptions<ServiceOptions> service,
    IOptions<AuthOptions> auth,
    ILogger<ServiceWarmUp> logger) : IHostedLifecycleService, IHealthCheck
{
    private readonly CancellationTokenSource stopping = new();
    private Task warming = Task.CompletedTask;
    private volatile bool warm;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(warm ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("warming up"));

    /// <summary>After every hosted service has started, so Kestrel listens for the loopback call.</summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            warm = true;
            return Task.CompletedTask;
        }
        // Runs beside the host rather than holding up its start; readiness waits for it instead.
        using (ExecutionContext.SuppressFlow()) warming = Task.Run(() => WarmAsync(stopping.Token));
        return Task.CompletedTask;
    }

    private async Task WarmAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var calls = await RunReadsAsync(cancellationToken);
        var readsTook = stopwatch.Elapsed;
        await CallOwnHealthCheckAsync(cancellationToken);
        warm = true;
        logger.LogInformation("Warm after {Total:F0} ms ({Reads} reads in {ReadsMs:F0} ms, {Unexpected} failed), ready from now",
            stopwatch.Elapsed.TotalMilliseconds, calls.Count, readsTook.TotalMilliseconds, calls.Unexpected.Count);
    }

    /// <summary>The service's <see cref="IWarmUp"/> reads, each through its gRPC endpoint in a scope of its own; what they did.</summary>
    public async Task<WarmUpCalls> RunReadsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var calls = new WarmUpCalls(policy, scopes, scope.ServiceProvider, logger, cancellationToken);
        try
        {
            foreach (var warmUp in scope.ServiceProvider.GetServices<IWarmUp>()) await warmUp.RunAsync(calls);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Finding the sample records failed (the database away): the first caller pays instead.
            calls.Unexpected.Add(e);
            logger.LogWarning(e, "The warm-up's reads failed; the service gets ready without them");
        }
        return calls;
    }

    private async Task CallOwnHealthCheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var channel = GrpcChannel.ForAddress(new UriBuilder(Uri.UriSchemeHttp, LoopbackOf(service.Value.ListenAddress), service.Value.GrpcPort).Uri);
            var headers = new Metadata();
            if (auth.Value.ServiceKeyFile is not null) headers.Add("authorization", $"Bearer {tokens.Current()}");
            // NOT_SERVING, as this check is not yet healthy: the answer's content does not matter, its path does.
            await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), headers,
                DateTime.UtcNow.AddSeconds(10), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The warm-up's loopback health check failed");
        }
    }

    private static string LoopbackOf(string listenAddress)
    {
        var address = IPAddress.Parse(listenAddress);
        if (address.Equals(IPAddress.Any)) return IPAddress.Loopback.ToString();
        return address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback.ToString() : address.ToString();
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        try
        {
            await warming;
        }
        catch (OperationCanceledException)
        {
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
