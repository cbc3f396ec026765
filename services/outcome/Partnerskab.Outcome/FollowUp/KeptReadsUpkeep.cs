using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Outcome.Persistence;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Outcome.FollowUp;

/// <summary>
/// Recounts the citizens marked by status ingestion and builds the kept worklists and counts
/// asked for again (<see cref="KeptReads"/>: a new plan, or their first build on an existing
/// database), and once a day deletes the kept worklist rows
/// that are items on no day from today on (a missed contact checkpoint of a citizen closed out),
/// so the worklist's index holds what can still be asked for. None is needed for a right answer:
/// a read recounts its partnership's marked citizens first, a partnership waiting for its build
/// or still with a citizen marked is read from its facts, and a deleted row was an item only on
/// days before the day swept through, which are computed from the facts too.
/// </summary>
public sealed class KeptReadsUpkeep(IServiceScopeFactory scopes, IClock clock, ILogger<KeptReadsUpkeep> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private LocalDate? sweptThrough;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var kept = scope.ServiceProvider.GetRequiredService<KeptReads>();
                while (await kept.RebuildNextAsync(stoppingToken)) logger.LogInformation("Built a partnership's kept worklist and counts again");
                while (await kept.RecountMarkedAsync(null, stoppingToken))
                {
                }
                var today = clock.Today();
                if (sweptThrough != today)
                {
                    await SweepAsync(scope.ServiceProvider.GetRequiredService<OutcomeDbContext>(), today, stoppingToken);
                    sweptThrough = today;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Keeping the kept reads up failed; trying again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes the rows that are items on no day from <paramref name="today"/> on; worklists of earlier days are computed from here on.</summary>
    private static async Task SweepAsync(OutcomeDbContext db, LocalDate today, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Moved first, in the same transaction: a read that sees rows gone sees the day moved.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO worklist_sweeps (id, swept_through) VALUES (1, {today})
            ON CONFLICT (id) DO UPDATE SET swept_through = greatest(worklist_sweeps.swept_through, excluded.swept_through)
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM worklist_items WHERE until <= {today}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
