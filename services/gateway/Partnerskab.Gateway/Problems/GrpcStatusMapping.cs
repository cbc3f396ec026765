using Grpc.Core;

namespace Partnerskab.Gateway.Problems;

/// <summary>The HTTP status and title of each gRPC status code, and its canonical name.</summary>
public static class GrpcStatusMapping
{
    public static (int Status, string Title) HttpStatusOf(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => (StatusCodes.Status400BadRequest, "Invalid request"),
        StatusCode.OutOfRange => (StatusCodes.Status400BadRequest, "Out of range"),
        StatusCode.Unauthenticated => (StatusCodes.Status401Unauthorized, "Not authenticated"),
        StatusCode.PermissionDenied => (StatusCodes.Status403Forbidden, "Not allowed"),
        StatusCode.NotFound => (StatusCodes.Status404NotFound, "Not found"),
        StatusCode.AlreadyExists => (StatusCodes.Status409Conflict, "Already exists"),
        StatusCode.FailedPrecondition => (StatusCodes.Status409Conflict, "Not possible in the current state"),
        StatusCode.Aborted => (StatusCodes.Status409Conflict, "Aborted by a concurrent change"),
        StatusCode.ResourceExhausted => (StatusCodes.Status429TooManyRequests, "Too many requests"),
        StatusCode.Cancelled => (StatusCodes.Status408RequestTimeout, "Cancelled"),
        StatusCode.DeadlineExceeded => (StatusCodes.Status504GatewayTimeout, "Deadline exceeded"),
        StatusCode.Unimplemented => (StatusCodes.Status501NotImplemented, "Not implemented"),
        StatusCode.Unavailable => (StatusCodes.Status503ServiceUnavailable, "Service unavailable"),
        _ => (StatusCodes.Status500InternalServerError, "Internal error"),
    };

    /// <summary>The code as gRPC spells it: INVALID_ARGUMENT, NOT_FOUND...</summary>
    public static string NameOf(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        _ => string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant(),
    };
}
