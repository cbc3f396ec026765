using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Partnerskab.ServiceDefaults.Access;

public sealed class CallLimitOptions
{
    public const string Section = "Limits";

    /// <summary>Calls a second one caller (token subject) may make to this service, on average.</summary>
    public int CallsPerSecondPerCaller { get; set; } = 500;

    /// <summary>Calls one caller may make at once beyond the average before it is held to it.</summary>
    public int BurstPerCaller { get; set; } = 1000;
}

/// <summary>
/// A token bucket per caller, kept for the life of the service: one runaway client cannot
/// starve the others. A call over the limit is refused at once (no queue); clients back off.
/// </summary>
public sealed class CallRateLimiter(IOptions<CallLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(caller =>
        RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.BurstPerCaller,
            TokensPerPeriod = options.Value.CallsPerSecondPerCaller,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public bool TryAdmit(Caller caller)
    {
        using var lease = limiter.AttemptAcquire(caller.Subject);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
