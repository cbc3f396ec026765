using Partnerskab.Gateway.Problems;

namespace Partnerskab.Gateway.Idempotency;

/// <summary>REST: refusals as problem details (400, 422, 409); any answer below 500 is kept.</summary>
public sealed class RestWriteAnswers : IWriteAnswers
{
    public static readonly RestWriteAnswers Instance = new();

    public Task RefuseAsync(HttpContext context, IdempotencyRefusal refusal) => (refusal switch
    {
        IdempotencyRefusal.InvalidKey => Problem.Gateway(StatusCodes.Status400BadRequest, "invalid-idempotency-key", "Invalid Idempotency-Key",
            $"An Idempotency-Key is 1 to {IdempotencyKeyHeader.MaxLength} visible ASCII characters, such as a UUID."),
        IdempotencyRefusal.Reused => Problem.Gateway(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "Idempotency-Key reused",
            "This Idempotency-Key was used for a different request; use a new key for a new request."),
        _ => Problem.Gateway(StatusCodes.Status409Conflict, "idempotency-key-in-flight", "Request in progress",
            "The first request with this Idempotency-Key is still running; retry later to get its answer."),
    }).WriteAsync(context.Response);

    public async Task ReplayAsync(HttpContext context, IdempotencyRecord record)
    {
        context.Response.StatusCode = record.Status!.Value;
        context.Response.ContentType = record.ContentType;
        context.Response.Headers[IdempotencyKeyHeader.ReplayedHeader] = "true";
        await context.Response.Body.WriteAsync(record.Body, context.RequestAborted);
    }

    public bool IsKept(HttpContext context) => context.Response.StatusCode < StatusCodes.Status500InternalServerError;

    public string? Metadata(HttpContext context) => null;
}
