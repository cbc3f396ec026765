using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Partnerskab.ServiceDefaults.Hosting;

/// <summary>
/// Deletes rows a service keeps only for a while, at start-up and then hourly. A failure (the
/// database away) is logged and the next round tries again.
/// </summary>
public abstract class HourlyPurge<TDb>(IServiceScopeFactory scopes, IClock clock, ILogger logger) : BackgroundService where TDb : DbContext
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>What is purged, for the log.</summary>
    protected abstract string What { get; }

    /// <summary>Deletes what has expired by now; how many rows went.</summary>
    public abstract Task<int> PurgeAsync(TDb db, Instant now, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await PurgeAsync(scope.ServiceProvider.GetRequiredService<TDb>(), clock.GetCurrentInstant(), stoppingToken);
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
