using Grpc.Core;

namespace Partnerskab.ServiceDefaults.Errors;

/// <summary>
/// A rule of the domain said no. The error interceptor turns it into the gRPC status code it
/// carries, with its message; domain code never builds RpcExceptions itself.
/// </summary>
public class DomainException(StatusCode code, string message) : Exception(message)
{
    public StatusCode Code { get; } = code;

    public static DomainException NotFound(string message) => new(StatusCode.NotFound, message);
    public static DomainException AlreadyExists(string message) => new(StatusCode.AlreadyExists, message);
    public static DomainException FailedPrecondition(string message) => new(StatusCode.FailedPrecondition, message);
}
