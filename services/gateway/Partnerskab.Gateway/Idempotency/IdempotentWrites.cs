using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Partnerskab.Gateway.Problems;
using Partnerskab.Gateway.Routing;
using Partnerskab.Tokens;
using Yarp.ReverseProxy.Model;

namespace Partnerskab.Gateway.Idempotency;

/// <summary>The Idempotency-Key request header (IETF httpapi draft): one opaque value of visible ASCII.</summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxLength = 255;

    public static bool IsValid(string key) => key.Length is > 0 and <= MaxLength && key.All(c => c is > ' ' and <= '~');
}

/// <summary>
/// A REST write with an Idempotency-Key runs once per caller and key (Stripe's semantics): the
/// same key with the same request replays the stored status and body for the retention period;
/// with a different request it is 422; while the first request still runs it is 409. An answer
/// of 500 or more, or none, is not kept, so the retry runs again.
/// </summary>
public sealed class IdempotentWrites(RequestDelegate next, IOptions<IdempotencyOptions> options)
{
    private readonly byte[] fingerprintKey = FingerprintKey(options.Value);

    public async Task InvokeAsync(HttpContext context, IdempotencyStore store)
    {
        var route = context.GetReverseProxyFeature().Route.Config;
        if (!ProxyRoutes.IsRestWrite(route, context.Request.Method) || context.Request.Headers[IdempotencyKeyHeader.Name] is not [{ } key])
        {
            await next(context);
            return;
        }
        if (!IdempotencyKeyHeader.IsValid(key))
        {
            await Problem.Gateway(StatusCodes.Status400BadRequest, "invalid-idempotency-key", "Invalid Idempotency-Key",
                $"An Idempotency-Key is 1 to {IdempotencyKeyHeader.MaxLength} visible ASCII characters, such as a UUID.").WriteAsync(context.Response);
            return;
        }
        var body = await ReadBodyAsync(context.Request);

        var subject = context.User.FindFirst(SuiteClaims.Subject)?.Value ?? "";
        switch (await store.ClaimAsync(subject, key, Fingerprint(context.Request, body), context.RequestAborted))
        {
            case IdempotencyClaim.Mismatch:
                await Problem.Gateway(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request.").WriteAsync(context.Response);
                return;
            case IdempotencyClaim.InFlight:
                await Problem.Gateway(StatusCodes.Status409Conflict, "idempotency-key-in-flight", "Request in progress",
                    "The first request with this Idempotency-Key is still running; retry later to get its answer.").WriteAsync(context.Response);
                return;
            case IdempotencyClaim.Finished(var record):
                context.Response.StatusCode = record.Status!.Value;
                context.Response.ContentType = record.ContentType;
                context.Response.Headers[IdempotencyKeyHeader.ReplayedHeader] = "true";
                await context.Response.Body.WriteAsync(record.Body, context.RequestAborted);
                return;
        }

        await ForwardAndRecordAsync(context, store, subject, key);
    }

    private async Task ForwardAndRecordAsync(HttpContext context, IdempotencyStore store, string subject, string key)
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

        if (context.Response.StatusCode >= 500) await store.AbandonAsync(subject, key);
        else await store.CompleteAsync(subject, key, context.Response.StatusCode, context.Response.ContentType, captured.ToArray());
        captured.Position = 0;
        await captured.CopyToAsync(answer, context.RequestAborted);
    }

    // RestRequestGuard has put the body in memory; it is read here and again by the forwarder.
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return copy.ToArray();
    }

    private byte[] Fingerprint(HttpRequest request, byte[] body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, fingerprintKey);
        hmac.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static byte[] FingerprintKey(IdempotencyOptions options)
    {
        var key = string.IsNullOrWhiteSpace(options.FingerprintKey) ? [] : Convert.FromBase64String(options.FingerprintKey);
        return key.Length >= 32
            ? key
            : throw new InvalidOperationException(
                $"Configure {IdempotencyOptions.Section}:FingerprintKey (environment Idempotency__FingerprintKey): base64 of at least 32 secret random bytes.");
    }
}
