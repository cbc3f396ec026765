using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Partnerskab.Tokens;

namespace Partnerskab.Gateway.Idempotency;

/// <summary>
/// Runs a write with an Idempotency-Key once per caller and key, with Stripe's semantics: the
/// same key with the same request (method, path, query and body) replays the stored answer for
/// the retention period; with a different request, or while the first request still runs, it is
/// refused (<see cref="IWriteAnswers"/> says how). An answer that a retry should redo is not kept.
/// Used by the routes to the services and by the bulk job posts alike.
/// </summary>
public sealed class IdempotentRequests(IdempotencyStore store, IOptions<IdempotencyOptions> options)
{
    private readonly byte[] fingerprintKey = options.Value.SecretKey();

    /// <param name="body">The request's body, read already.</param>
    /// <param name="write">Answers the request into the response; run only when the key is this request's.</param>
    public async Task RunAsync(HttpContext context, IWriteAnswers answers, string key, byte[] body, Func<Task> write)
    {
        if (!IdempotencyKeyHeader.IsValid(key))
        {
            await answers.RefuseAsync(context, IdempotencyRefusal.InvalidKey);
            return;
        }
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
        await WriteAndRecordAsync(context, answers, subject, key, write);
    }

    private async Task WriteAndRecordAsync(HttpContext context, IWriteAnswers answers, string subject, string key, Func<Task> write)
    {
        var answer = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await write();
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

    private byte[] Fingerprint(HttpRequest request, byte[] body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, fingerprintKey);
        hmac.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
