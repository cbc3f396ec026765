using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using NodaTime;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.Tokens;

namespace Partnerskab.ServiceDefaults.Recording;

/// <summary>
/// A historical load: a call whose metadata gives <see cref="RecordedTime.Header"/> is handled as
/// if it were made at that moment (<see cref="RecordingClock"/>), for the operator only. The
/// moment must be a valid instant, not in the future, and not earlier than the latest moment its
/// scope (the partnership the request names, directly or through a record a
/// <see cref="IRecordedScopeLookup"/> resolves; or the issuer of a bank statement) has had facts
/// recorded at by a load; otherwise the call is refused before its handler runs and nothing is
/// written. A request naming no scope (a new partnership) is not held to any mark.
/// </summary>
public sealed class RecordedAtInterceptor(IClock clock, IRecordedTimeMarks marks, IEnumerable<IRecordedScopeLookup> lookups) : Interceptor
{
    /// <summary>The name field violations give the header.</summary>
    public const string Field = "recorded_at";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (GivenMoment(context) is not { } at) return await continuation(request, context);
        var scope = await CheckedScopeOfAsync(request, at, context.CancellationToken);
        TResponse response;
        using (RecordedTime.Use(at)) response = await continuation(request, context);
        if (scope is not null) await marks.AdvanceAsync(scope, at, CancellationToken.None);
        return response;
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (GivenMoment(context) is not { } at) return await continuation(requestStream, context);
        var reader = new FirstMessageCheckingReader<TRequest>(requestStream, this, at, context.CancellationToken);
        TResponse response;
        using (RecordedTime.Use(at)) response = await continuation(reader, context);
        if (reader.Scope is { } scope) await marks.AdvanceAsync(scope, at, CancellationToken.None);
        return response;
    }

    private Instant? GivenMoment(ServerCallContext context)
    {
        if (context.RequestHeaders.GetValue(RecordedTime.Header) is not { } text) return null;
        if (!context.Caller().HasRole(SuiteRoles.Operator))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"Only the operator may give the moment facts are recorded at ({RecordedTime.Header})."));
        }
        var now = clock.GetCurrentInstant();
        var given = RecordedTime.Parse(text);
        var v = new RequestValidator();
        if (given is null) v.Add(Field, "is not an instant such as 2024-05-06T10:00:00Z");
        else if (given > now) v.Add(Field, $"is {RecordedTime.Format(given.Value)}, after the present {RecordedTime.Format(now)}");
        v.ThrowIfInvalid();
        return given;
    }

    /// <summary>The request's scope, refused if the scope has recorded facts later than <paramref name="at"/>.</summary>
    private async Task<string?> CheckedScopeOfAsync<TRequest>(TRequest request, Instant at, CancellationToken cancellationToken)
    {
        var scope = await ScopeOfAsync(request, cancellationToken);
        if (scope is not null) await marks.EnsureNotBeforeLatestAsync(scope, at, cancellationToken);
        return scope;
    }

    private async Task<string?> ScopeOfAsync<TRequest>(TRequest request, CancellationToken cancellationToken)
    {
        if (request is not IMessage message) return null;
        if (Text(message, "partnership_id") is { } partnership && Guid.TryParse(partnership, out var partnershipId)) return PartnershipScope(partnershipId);
        if (Text(message, "issuer_cvr") is { Length: > 0 } issuer) return $"issuer {issuer}";
        foreach (var lookup in lookups)
        {
            if (await lookup.PartnershipOfAsync(message, cancellationToken) is { } found) return PartnershipScope(found);
        }
        return null;
    }

    private static string PartnershipScope(Guid partnershipId) => $"partnership {partnershipId}";

    private static string? Text(IMessage message, string field) =>
        message.Descriptor.FindFieldByName(field)?.Accessor.GetValue(message) as string;

    private sealed class FirstMessageCheckingReader<TRequest>(IAsyncStreamReader<TRequest> inner, RecordedAtInterceptor interceptor, Instant at,
        CancellationToken cancellationToken) : IAsyncStreamReader<TRequest>
    {
        private bool first = true;

        public string? Scope { get; private set; }

        public TRequest Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken token)
        {
            if (!await inner.MoveNext(token)) return false;
            if (first)
            {
                first = false;
                Scope = await interceptor.CheckedScopeOfAsync(inner.Current, at, cancellationToken);
            }
            return true;
        }
    }
}

/// <summary>A service's way to the partnership of a request that names it only through a record of its own (a claim's id).</summary>
public interface IRecordedScopeLookup
{
    Task<Guid?> PartnershipOfAsync(IMessage request, CancellationToken cancellationToken);
}
