using System.Text.RegularExpressions;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using NodaTime;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Hosting;

namespace Partnerskab.ServiceDefaults.Audit;

/// <summary>
/// The outermost interceptor: every call to an RPC of the <see cref="AuditPolicy"/> runs in an
/// <see cref="AuditCall"/>, and once the call is over (allowed or refused, with whatever status) the
/// entry that no committed business write has carried is inserted before the answer leaves. A read
/// whose entry cannot be written is answered Unavailable: no citizen data without its audit entry.
/// The warm-up's own calls (<see cref="WarmUpCall"/>, never a caller's) insert theirs in a transaction
/// that is rolled back.
/// </summary>
public sealed partial class AuditInterceptor(AuditPolicy policy, IAuditWriter writer, IClock clock, ILogger<AuditInterceptor> logger)
    : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!policy.Audits(context.Method)) return await continuation(request, context);
        var call = AuditCall.Begin(context.Method, context.Caller(), PartnershipOf(request), clock);
        return await RecordAsync(call, () => continuation(request, context), context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (!policy.Audits(context.Method)) return await continuation(requestStream, context);
        var call = AuditCall.Begin(context.Method, context.Caller(), null, clock);
        return await RecordAsync(call, () => continuation(new PartnershipNoting<TRequest>(requestStream, call), context), context);
    }

    private async Task<TResponse> RecordAsync<TResponse>(AuditCall call, Func<Task<TResponse>> handle, ServerCallContext context)
    {
        TResponse response;
        try
        {
            response = await handle();
        }
        catch (RpcException e)
        {
            await WriteAsync(call, e.StatusCode, context);
            throw;
        }
        await WriteAsync(call, StatusCode.OK, context);
        return response;
    }

    private async Task WriteAsync(AuditCall call, StatusCode status, ServerCallContext context)
    {
        if (call.Finish(CanonicalName(status)) is not { } entry) return;
        try
        {
            if (context.GetHttpContext().Features.Get<WarmUpCall>() is not null) await writer.RehearseAsync(entry, context.CancellationToken);
            // Not the call's token: a cancelled call is recorded all the same.
            else await writer.WriteAsync(entry, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not write the audit entry of {Method}", context.Method);
            throw new RpcException(new Status(StatusCode.Unavailable, "The call could not be recorded in the audit log; try again."));
        }
    }

    internal static Guid? PartnershipOf(object? request) =>
        request is IMessage message
        && message.Descriptor.FindFieldByName("partnership_id")?.Accessor.GetValue(message) is string value
        && Guid.TryParseExact(value, "D", out var id)
            ? id
            : null;

    /// <summary>"PermissionDenied" as gRPC spells it on the wire and in google.rpc.Code: "PERMISSION_DENIED".</summary>
    public static string CanonicalName(StatusCode status) => status == StatusCode.OK
        ? "OK"
        : WordStart().Replace(status.ToString(), "_$1").ToUpperInvariant();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordStart();

    private sealed class PartnershipNoting<TRequest>(IAsyncStreamReader<TRequest> inner, AuditCall call) : IAsyncStreamReader<TRequest>
    {
        public TRequest Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await inner.MoveNext(cancellationToken)) return false;
            if (call.PartnershipId is null && PartnershipOf(inner.Current) is { } id) call.NamePartnership(id);
            return true;
        }
    }
}
