using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;

namespace Partnerskab.Gateway.Idempotency;

/// <summary>
/// gRPC: refusals as gRPC statuses (INVALID_ARGUMENT, FAILED_PRECONDITION for a reused key,
/// ABORTED while the first call runs); an answer is kept unless its status is one a retry
/// should redo (CANCELLED, UNKNOWN, DEADLINE_EXCEEDED, INTERNAL, UNAVAILABLE). A replay gives back
/// the message, the status and its details (grpc-status-details-bin) as first sent.
/// </summary>
public sealed class GrpcWriteAnswers : IWriteAnswers
{
    public static readonly GrpcWriteAnswers Instance = new();

    private const string StatusHeader = "grpc-status";
    private static readonly string[] StatusHeaders = [StatusHeader, "grpc-message", "grpc-status-details-bin"];
    private static readonly StatusCode[] Redo = [StatusCode.Cancelled, StatusCode.Unknown, StatusCode.DeadlineExceeded, StatusCode.Internal, StatusCode.Unavailable];

    public Task RefuseAsync(HttpContext context, IdempotencyRefusal refusal)
    {
        var (code, message) = refusal switch
        {
            IdempotencyRefusal.InvalidKey => (StatusCode.InvalidArgument, $"An idempotency-key is 1 to {IdempotencyKeyHeader.MaxLength} visible ASCII characters, such as a UUID."),
            IdempotencyRefusal.Reused => (StatusCode.FailedPrecondition, "This idempotency-key was used for a different request; use a new key for a new request."),
            _ => (StatusCode.Aborted, "The first call with this idempotency-key is still running; retry later to get its answer."),
        };
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.AppendTrailer(StatusHeader, ((int)code).ToString());
        context.Response.AppendTrailer("grpc-message", message);
        return Task.CompletedTask;
    }

    public async Task ReplayAsync(HttpContext context, IdempotencyRecord record)
    {
        var metadata = JsonSerializer.Deserialize<GrpcStatusMetadata>(record.GrpcMetadata!)!;
        context.Response.StatusCode = record.Status!.Value;
        context.Response.ContentType = record.ContentType;
        foreach (var (name, value) in metadata.Headers) context.Response.Headers[name] = value;
        context.Response.Headers[IdempotencyKeyHeader.ReplayedHeader] = "true";
        foreach (var (name, value) in metadata.Trailers) context.Response.AppendTrailer(name, value);
        await context.Response.Body.WriteAsync(record.Body, context.RequestAborted);
    }

    public bool IsKept(HttpContext context) =>
        context.Response.StatusCode == StatusCodes.Status200OK
        && StatusOf(context) is { } code && !Redo.Contains(code);

    public string? Metadata(HttpContext context) => JsonSerializer.Serialize(new GrpcStatusMetadata(
        Pick(context.Response.Headers), Pick(context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers)));

    // A call that fails before its first message answers "trailers-only": the status is in the headers.
    private static StatusCode? StatusOf(HttpContext context)
    {
        var text = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers[StatusHeader] is { Count: > 0 } trailer
            ? trailer.ToString()
            : context.Response.Headers[StatusHeader].ToString();
        return int.TryParse(text, out var code) ? (StatusCode)code : null;
    }

    private static Dictionary<string, string> Pick(IHeaderDictionary? headers) =>
        headers is null ? [] : StatusHeaders.Where(name => headers[name].Count > 0).ToDictionary(name => name, name => headers[name].ToString());

    private sealed record GrpcStatusMetadata(Dictionary<string, string> Headers, Dictionary<string, string> Trailers);
}
