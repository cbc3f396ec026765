using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Partnerskab.ServiceDefaults.Hosting;

/// <summary>Bound from the "Shutdown" configuration section.</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>How long the service stays up, not ready, before it stops taking calls.</summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// On SIGTERM, readiness goes false first and the service keeps serving for a short drain delay,
/// so whatever routes traffic by /health/ready stops sending calls before Kestrel stops
/// accepting them; then calls in flight finish within the host's shutdown timeout.
/// </summary>
public sealed class ShutdownDrain(IOptions<ShutdownOptions> options, ILogger<ShutdownDrain> logger) : IHostedLifecycleService, IHealthCheck
{
    private volatile bool stopping;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(stopping ? HealthCheckResult.Unhealthy("shutting down") : HealthCheckResult.Healthy());

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        stopping = true;
        logger.LogInformation("Shutting down: not ready from now, draining for {Delay}", options.Value.DrainDelay);
        await Task.Delay(options.Value.DrainDelay, cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
