using System.Diagnostics;
using System.Text.Json;
using Grpc.Core;
using Partnerskab.Gateway.Hosting;

namespace Partnerskab.Gateway.Problems;

/// <summary>
/// An error answer as RFC 9457 problem details (application/problem+json): the HTTP status, a
/// type and title per kind of problem, the message, the gRPC status code name the call ended
/// with (absent when the gateway refused the request itself) and the invalid fields. Never a
/// stack trace or an exception type.
/// </summary>
public sealed record Problem(
    string Type,
    string Title,
    int Status,
    string Detail,
    string? GrpcCode = null,
    IReadOnlyList<FieldViolation>? Violations = null,
    long? Limit = null)
{
    public const string ContentType = "application/problem+json";
    private const string TypePrefix = "urn:partnerskab:problem:";

    /// <summary>The trace of the request, to quote when asking about it.</summary>
    public string? TraceId { get; init; } = Activity.Current?.TraceId.ToString();

    /// <summary>A gRPC status as the service answered it; the HTTP status follows from the code.</summary>
    public static Problem FromGrpc(StatusCode code, string message, IReadOnlyList<FieldViolation> violations)
    {
        var (status, title) = GrpcStatusMapping.HttpStatusOf(code);
        var name = GrpcStatusMapping.NameOf(code);
        return new Problem(TypePrefix + name.ToLowerInvariant().Replace('_', '-'), title, status, message, name,
            violations.Count == 0 ? null : violations);
    }

    /// <summary>A request the gateway refuses itself, before any service sees it.</summary>
    public static Problem Gateway(int status, string kind, string title, string detail) =>
        new(TypePrefix + kind, title, status, detail);

    public static Problem NoRoute(string method, string path) =>
        Gateway(StatusCodes.Status404NotFound, "no-route", "No such route",
            $"The API has no route {method} {path}; see /openapi/v1.json.");

    public async Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        response.Headers.ContentLength = null;
        response.ContentType = ContentType;
        await JsonSerializer.SerializeAsync(response.Body, this, ApiJson.Options, response.HttpContext.RequestAborted);
    }
}

/// <summary>One invalid field of a request (google.rpc.BadRequest.FieldViolation), named as in the JSON.</summary>
public sealed record FieldViolation(string Field, string Description);
