using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Partnerskab.Gateway.Routing;
using Partnerskab.Tokens;
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
/// A write with an Idempotency-Key (a REST write, or a unary gRPC write with idempotency-key
/// metadata) runs once per caller and key, with Stripe's semantics: the same key with the same
/// request replays the stored answer for the retention period; with a different request, or
/// while the first request still runs, it is refused (<see cref="IWriteAnswers"/> says how).
/// An answer that a retry should redo is not kept.
/// </summary>
public sealed class IdempotentWrites(RequestDelegate next, IOptions<IdempotencyOptions> options)
{
    private readonly byte[] fingerprintKey = options.Value.SecretKey();

    public async Task InvokeAsync(HttpContext context, IdempotencyStore store)
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
        if (!IdempotencyKeyHeader.IsValid(key))
        {
            await answers.RefuseAsync(context, IdempotencyRefusal.InvalidKey);
            return;
        }
        var body = await ReadBodyAsync(context.Request);

        var subject = context.User.FindFirst(SuiteClaims.Subject)?.Value ?? "";
        switch (await store.ClaimAsync(subject, key, Fingerprint(context.Request, body), context.RequestAborted))
        {
            case IdempotencyClaim.Mismatch:
                await answers.RefuseAsync(context, IdempotencyRefusal.Reused);
                return;
            case IdempotencyClaim.InFlight:
                await answers.RefuseAsync(context, IdempotencyRefusal.InFlight);
                return;
            case IdempotencyClaim.Finished(var record):
                await answers.ReplayAsync(context, record);
                return;
        }

        await ForwardAndRecordAsync(context, store, answers, subject, key);
    }

    private async Task ForwardAndRecordAsync(HttpContext context, IdempotencyStore store, IWriteAnswers answers, string subject, string key)
    {
        var answer = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            await store.AbandonAsync(subject, key);
            throw;
        }
        finally
        {
            context.Response.Body = answer;
        }

        if (answers.IsKept(context))
        {
            await store.CompleteAsync(subject, key, context.Response.StatusCode, context.Response.ContentType, captured.ToArray(), answers.Metadata(context));
        }
        else
        {
            await store.AbandonAsync(subject, key);
        }
        captured.Position = 0;
        await captured.CopyToAsync(answer, context.RequestAborted);
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

    private byte[] Fingerprint(HttpRequest request, byte[] body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, fingerprintKey);
        hmac.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
