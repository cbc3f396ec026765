using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Partnerskab.Gateway.Persistence;

namespace Partnerskab.Gateway.Idempotency;

/// <summary>Deletes keys older than the retention, hourly and at start-up, so the table holds about a day of writes.</summary>
public sealed class IdempotencyKeyPurge(IServiceScopeFactory scopes, IClock clock, IOptions<IdempotencyOptions> options, ILogger<IdempotencyKeyPurge> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = clock.GetCurrentInstant() - Duration.FromTimeSpan(options.Value.Retention);
                var purged = await scope.ServiceProvider.GetRequiredService<GatewayDbContext>().IdempotencyKeys
                    .Where(r => r.StartedAt < expired).ExecuteDeleteAsync(stoppingToken);
                if (purged > 0) logger.LogInformation("Purged {Count} idempotency keys older than {Retention}", purged, options.Value.Retention);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Purging idempotency keys failed; trying again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
