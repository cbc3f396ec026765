using NodaTime;

namespace Partnerskab.Gateway.Persistence;

/// <summary>
/// Deletes rows the gateway keeps only for a while, at start-up and then hourly. A failure (the
/// database away) is logged and the next round tries again.
/// </summary>
public abstract class HourlyPurge(IServiceScopeFactory scopes, IClock clock, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>What is purged, for the log.</summary>
    protected abstract string What { get; }

    /// <summary>Deletes what has expired by now; how many rows went.</summary>
    protected abstract Task<int> PurgeAsync(GatewayDbContext db, Instant now, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await PurgeAsync(scope.ServiceProvider.GetRequiredService<GatewayDbContext>(), clock.GetCurrentInstant(), stoppingToken);
                if (purged > 0) logger.LogInformation("Purged {Count} {What}", purged, What);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Purging {What} failed; trying again in {Interval}", What, Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
