using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Partnerskab.ServiceDefaults.Access;

/// <summary>
/// The caller's call rate, role and scope, checked once before any handler runs: the caller must
/// be within its <see cref="CallRateLimiter"/> bucket (else ResourceExhausted), its roles must include one the
/// service's <see cref="AccessPolicy"/> allows for the RPC, and every request message naming a
/// partnership (its <c>partnership_id</c> field) must name one the caller may act for. Requests
/// that reach a partnership only through another record (a claim id) are checked by the handler
/// with <see cref="Caller.EnsureMayActFor"/> once it has read the record.
/// </summary>
public sealed class AccessInterceptor(AccessPolicy policy, CallRateLimiter rateLimiter) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (policy.Governs(context.Method)) CheckScope(request, Authorize(context));
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (!policy.Governs(context.Method)) return continuation(requestStream, context);
        return continuation(new ScopeCheckingReader<TRequest>(requestStream, Authorize(context)), context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (policy.Governs(context.Method)) CheckScope(request, Authorize(context));
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (!policy.Governs(context.Method)) return continuation(requestStream, responseStream, context);
        return continuation(new ScopeCheckingReader<TRequest>(requestStream, Authorize(context)), responseStream, context);
    }

    private Caller Authorize(ServerCallContext context)
    {
        var caller = context.Caller();
        if (!rateLimiter.TryAdmit(caller))
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, "Too many calls from this caller; retry after a short pause."));
        }
        var allowed = policy.AllowedRoles(context.Method);
        if (!caller.Roles.Any(allowed.Contains))
        {
            var roles = caller.Roles.Count == 0 ? "no role" : $"role {string.Join(", ", caller.Roles)}";
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"A caller with {roles} may not call {context.Method.Split('/').Last()}."));
        }
        return caller;
    }

    // A malformed id is left to the handler's validation, which answers InvalidArgument; it can name no record.
    private static void CheckScope<TRequest>(TRequest request, Caller caller)
    {
        if (request is not IMessage message) return;
        var field = message.Descriptor.FindFieldByName("partnership_id");
        if (field?.Accessor.GetValue(message) is string value && Guid.TryParse(value, out var partnershipId))
        {
            caller.EnsureMayActFor(partnershipId);
        }
    }

    private sealed class ScopeCheckingReader<TRequest>(IAsyncStreamReader<TRequest> inner, Caller caller) : IAsyncStreamReader<TRequest>
    {
        public TRequest Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await inner.MoveNext(cancellationToken)) return false;
            CheckScope(inner.Current, caller);
            return true;
        }
    }
}
