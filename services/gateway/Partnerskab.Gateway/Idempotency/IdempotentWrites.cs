using Partnerskab.Gateway.Routing;
using Yarp.ReverseProxy.Model;

namespace Partnerskab.Gateway.Idempotency;

/// <summary>The Idempotency-Key request header (IETF httpapi draft), also gRPC metadata: one opaque value of visible ASCII.</summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxLength = 255;

    public static bool IsValid(string key) => key.Length is > 0 and <= MaxLength && key.All(c => c is > ' ' and <= '~');
}

/// <summary>
/// The routes to the services: a REST write, or a unary gRPC write with idempotency-key
/// metadata, runs once per caller and key (<see cref="IdempotentRequests"/>).
/// </summary>
public sealed class IdempotentWrites(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IdempotentRequests requests)
    {
        var route = context.GetReverseProxyFeature().Route.Config;
        IWriteAnswers? answers = ProxyRoutes.IsRestWrite(route, context.Request.Method) ? RestWriteAnswers.Instance
            : ProxyRoutes.IsGrpcWrite(route, context.Request.Path) ? GrpcWriteAnswers.Instance
            : null;
        if (answers is null || context.Request.Headers[IdempotencyKeyHeader.Name] is not [{ } key])
        {
            await next(context);
            return;
        }
        await requests.RunAsync(context, answers, key, await ReadBodyAsync(context.Request), () => next(context));
    }

    // The body is read whole (Kestrel holds it to the size limit) and handed on to the forwarder
    // from memory; a REST body is in memory already (RestRequestGuard).
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
        copy.Position = 0;
        request.Body = copy;
        request.HttpContext.Response.RegisterForDispose(copy);
        return copy.ToArray();
    }
}
