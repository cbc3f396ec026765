using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Partnerskab.Gateway.Persistence;
using Partnerskab.ServiceDefaults.Hosting;

namespace Partnerskab.Gateway.Jobs;

/// <summary>
/// Deletes jobs that ended (done or failed) longer ago than the retention, with their results
/// (the chunks go with their job). A job's file is gone already when it ends; a queued or
/// running job is never purged.
/// </summary>
public sealed class FinishedJobPurge(IServiceScopeFactory scopes, IClock clock, IOptions<JobOptions> options, ILogger<FinishedJobPurge> logger)
    : HourlyPurge<GatewayDbContext>(scopes, clock, logger)
{
    protected override string What => $"bulk jobs finished more than {options.Value.Retention} ago";

    public override Task<int> PurgeAsync(GatewayDbContext db, Instant now, CancellationToken cancellationToken)
    {
        var expired = now - Duration.FromTimeSpan(options.Value.Retention);
        return db.BulkJobs.Where(j => (j.State == JobState.Done || j.State == JobState.Failed) && j.FinishedAt < expired).ExecuteDeleteAsync(cancellationToken);
    }
}
