using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Partnerskab.Gateway.Persistence;
using Partnerskab.ServiceDefaults.Hosting;

namespace Partnerskab.Gateway.Idempotency;

/// <summary>Deletes keys older than the retention, so the table holds about a day of writes.</summary>
public sealed class IdempotencyKeyPurge(IServiceScopeFactory scopes, IClock clock, IOptions<IdempotencyOptions> options, ILogger<IdempotencyKeyPurge> logger)
    : HourlyPurge<GatewayDbContext>(scopes, clock, logger)
{
    protected override string What => $"idempotency keys older than {options.Value.Retention}";

    public override Task<int> PurgeAsync(GatewayDbContext db, Instant now, CancellationToken cancellationToken)
    {
        var expired = now - Duration.FromTimeSpan(options.Value.Retention);
        return db.IdempotencyKeys.Where(r => r.StartedAt < expired).ExecuteDeleteAsync(cancellationToken);
    }
}
