using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Partnerskab.ServiceDefaults.Persistence;
using Status = Google.Rpc.Status;

namespace Partnerskab.ServiceDefaults.Errors;

/// <summary>
/// The one place where exceptions become gRPC statuses: invalid requests become InvalidArgument
/// with BadRequest field violations, domain refusals their own code, a database that is away
/// Unavailable (try again), and anything unexpected Internal with no detail, so a caller never
/// sees Unknown or a stack trace.
/// </summary>
public sealed class ErrorInterceptor(ILogger<ErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Translate(e, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Translate(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Translate(e, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Translate(e, context);
        }
    }

    private RpcException Translate(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case InvalidRequestException invalid:
                var badRequest = new BadRequest();
                badRequest.FieldViolations.AddRange(invalid.Violations);
                return new Status
                {
                    Code = (int)Code.InvalidArgument,
                    Message = invalid.Message,
                    Details = { Any.Pack(badRequest) },
                }.ToRpcException();
            case DomainException domain:
                return new RpcException(new Grpc.Core.Status(domain.Code, domain.Message));
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "The call was cancelled."));
            case var fault when DatabaseFaults.IsTransient(fault):
                // Restarting or failing over: the call is not at fault, and the caller may try it again shortly
                // (Internal would say otherwise, and log a stack trace for every call of the outage).
                logger.LogWarning("{Method}: database not reachable ({Reason})", context.Method, fault.Message);
                return new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "The database is not reachable just now; try again."));
            default:
                logger.LogError(exception, "Unhandled error in {Method}", context.Method);
                return new RpcException(new Grpc.Core.Status(StatusCode.Internal, "Internal error; the service log has the details."));
        }
    }
}
