using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Partnerskab.Gateway.Persistence;

namespace Partnerskab.Gateway.Idempotency;

/// <summary>What a request with an Idempotency-Key may do.</summary>
public abstract record IdempotencyClaim
{
    /// <summary>The key is this request's now: forward it and record the answer.</summary>
    public sealed record Started : IdempotencyClaim;

    /// <summary>The key's first request has finished: replay its answer.</summary>
    public sealed record Finished(IdempotencyRecord Record) : IdempotencyClaim;

    /// <summary>The key's first request is still running.</summary>
    public sealed record InFlight : IdempotencyClaim;

    /// <summary>The key was used for a different request.</summary>
    public sealed record Mismatch : IdempotencyClaim;
}

/// <summary>
/// The keys in PostgreSQL, claimed atomically: the first request inserts its key, a concurrent
/// one finds it and waits for nothing. A key whose answer is older than the retention, or whose
/// request was left running by a gateway that died, is taken over by the next request.
/// </summary>
public sealed class IdempotencyStore(GatewayDbContext db, IClock clock, IOptions<IdempotencyOptions> options)
{
    public async Task<IdempotencyClaim> ClaimAsync(string subject, string key, byte[] requestHash, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO idempotency_keys (subject, key, request_hash, started_at) VALUES ({subject}, {key}, {requestHash}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (inserted == 1) return new IdempotencyClaim.Started();

        var expired = now - Duration.FromTimeSpan(options.Value.Retention);
        var abandoned = now - Duration.FromTimeSpan(options.Value.InFlightTimeout);
        var takenOver = await db.IdempotencyKeys
            .Where(r => r.Subject == subject && r.Key == key && (r.StartedAt < expired || (r.Status == null && r.StartedAt < abandoned)))
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.RequestHash, requestHash)
                .SetProperty(r => r.StartedAt, now)
                .SetProperty(r => r.Status, (int?)null)
                .SetProperty(r => r.ContentType, (string?)null)
                .SetProperty(r => r.Body, (byte[]?)null)
                .SetProperty(r => r.GrpcMetadata, (string?)null)
                .SetProperty(r => r.CompletedAt, (Instant?)null), cancellationToken);
        if (takenOver == 1) return new IdempotencyClaim.Started();

        var existing = await db.IdempotencyKeys.AsNoTracking().SingleOrDefaultAsync(r => r.Subject == subject && r.Key == key, cancellationToken);
        return existing switch
        {
            // Removed by an abandoned first request a moment ago: the caller may simply retry.
            null => new IdempotencyClaim.InFlight(),
            _ when !CryptographicOperations.FixedTimeEquals(existing.RequestHash, requestHash) => new IdempotencyClaim.Mismatch(),
            { Status: null } => new IdempotencyClaim.InFlight(),
            _ => new IdempotencyClaim.Finished(existing),
        };
    }

    public Task CompleteAsync(string subject, string key, int status, string? contentType, byte[] body, string? grpcMetadata) =>
        db.IdempotencyKeys.Where(r => r.Subject == subject && r.Key == key && r.Status == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Status, status)
                .SetProperty(r => r.ContentType, contentType)
                .SetProperty(r => r.Body, body)
                .SetProperty(r => r.GrpcMetadata, grpcMetadata)
                .SetProperty(r => r.CompletedAt, clock.GetCurrentInstant()));

    /// <summary>Frees the key of a request that got no answer worth keeping (the service failed or was unreachable).</summary>
    public Task AbandonAsync(string subject, string key) =>
        db.IdempotencyKeys.Where(r => r.Subject == subject && r.Key == key && r.Status == null).ExecuteDeleteAsync();
}
