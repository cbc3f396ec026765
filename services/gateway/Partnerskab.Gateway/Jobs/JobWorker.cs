using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Partnerskab.Gateway.Persistence;

namespace Partnerskab.Gateway.Jobs;

/// <summary>Wakes the worker when a job is posted, so it does not wait for its next look.</summary>
public sealed class JobSignal
{
    private readonly SemaphoreSlim posted = new(0);

    public void JobPosted() => posted.Release();

    public async Task WaitAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        await posted.WaitAsync(patience, cancellationToken);
        while (posted.CurrentCount > 0) await posted.WaitAsync(cancellationToken);
    }
}

/// <summary>
/// Runs bulk jobs one at a time, oldest first. A job is claimed with FOR UPDATE SKIP LOCKED and
/// held by a lease that each finished chunk renews; a job whose lease ran out (its gateway died)
/// is taken over by the next worker that looks. A gateway that is stopped hands its job back at once.
/// </summary>
public sealed class JobWorker(IServiceScopeFactory scopes, JobSignal signal, IClock clock, IOptions<JobOptions> options, ILogger<JobWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await ClaimAsync(stoppingToken) is { } jobId) await RunAsync(jobId, stoppingToken);
                else await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database is away: look again later.
                logger.LogError(e, "The bulk job worker could not claim a job");
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    private async Task<Guid?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var now = clock.GetCurrentInstant();
        var leaseUntil = now + Duration.FromTimeSpan(options.Value.Lease);
        var claimed = await db.Database.SqlQuery<Guid>(
            $"""
            UPDATE bulk_jobs SET state = {(int)JobState.Running}, lease_until = {leaseUntil}
            WHERE id = (SELECT id FROM bulk_jobs
                        WHERE state = {(int)JobState.Queued} OR (state = {(int)JobState.Running} AND lease_until < {now})
                        ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        return claimed is [var id] ? id : null;
    }

    private async Task RunAsync(Guid jobId, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<JobRunner>().RunAsync(jobId, stoppingToken);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping (the call in flight ends cancelled): the job goes back to the queue, to resume at its first chunk without results.
            await using var release = scopes.CreateAsyncScope();
            await release.ServiceProvider.GetRequiredService<GatewayDbContext>().BulkJobs
                .Where(j => j.Id == jobId && j.State == JobState.Running)
                .ExecuteUpdateAsync(set => set.SetProperty(j => j.State, JobState.Queued).SetProperty(j => j.LeaseUntil, (Instant?)null), CancellationToken.None);
        }
        catch (Exception e) when (e is not (DbUpdateException or Npgsql.NpgsqlException))
        {
            // A fault of the gateway's own, not of the database (whose faults leave the job to be taken up again when its lease runs out).
            logger.LogError(e, "Bulk job {JobId} failed", jobId);
            await using var fail = scopes.CreateAsyncScope();
            await fail.ServiceProvider.GetRequiredService<GatewayDbContext>().BulkJobs
                .Where(j => j.Id == jobId)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(j => j.State, JobState.Failed)
                    .SetProperty(j => j.Failure, """{"type":"urn:partnerskab:problem:internal","title":"Internal error","status":500,"detail":"The job failed in the gateway; see its log."}""")
                    .SetProperty(j => j.File, (byte[]?)null)
                    .SetProperty(j => j.LeaseUntil, (Instant?)null)
                    .SetProperty(j => j.FinishedAt, clock.GetCurrentInstant()), CancellationToken.None);
        }
    }
}
