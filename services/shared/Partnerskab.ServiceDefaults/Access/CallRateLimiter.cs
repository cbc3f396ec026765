using System.Threading.RateLimiting;
using Grpc.Core;
using Grpc.Core.Interceptors;
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
/// A token bucket per caller: one runaway client cannot starve the others. A call over the limit
/// is refused at once with ResourceExhausted (clients back off and retry); health and reflection
/// are not counted.
/// </summary>
public sealed class CallRateLimiter : Interceptor, IDisposable
{
    private readonly AccessPolicy policy;
    private readonly PartitionedRateLimiter<string> limiter;

    public CallRateLimiter(AccessPolicy policy, IOptions<CallLimitOptions> options)
    {
        this.policy = policy;
        var limits = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetTokenBucketLimiter(caller, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.BurstPerCaller,
                TokensPerPeriod = limits.CallsPerSecondPerCaller,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Admit(ServerCallContext context)
    {
        if (!policy.Governs(context.Method)) return;
        using var lease = limiter.AttemptAcquire(context.Caller().Subject);
        if (!lease.IsAcquired)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, "Too many calls from this caller; retry after a short pause."));
        }
    }

    public void Dispose() => limiter.Dispose();
}
