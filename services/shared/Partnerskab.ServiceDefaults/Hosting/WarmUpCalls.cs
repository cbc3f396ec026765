using System.Buffers.Binary;
using System.Security.Claims;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.Tokens;

namespace Partnerskab.ServiceDefaults.Hosting;

/// <summary>
/// Runs an RPC of the service in-process through its gRPC endpoint, as <see cref="ServiceWarmUp"/>
/// does before the service reports ready: the request is framed as on the wire, and the
/// endpoint's own pipeline runs it (grpc-dotnet's call handler for that RPC, the request's
/// deserialisation, the interceptors, the handler, the answer's serialisation). Only Kestrel, the
/// bearer token and the authorization middleware are left out: the caller is set on the request
/// instead. The call carries a <see cref="WarmUpCall"/>, so the audit log rehearses its entry and
/// rolls it back.
/// </summary>
public sealed class WarmUpCalls(AccessPolicy policy, IServiceScopeFactory scopes, IServiceProvider services, ILogger logger,
    CancellationToken cancellationToken)
{
    /// <summary>A well-formed pseudonym no citizen has, for a database that has none yet.</summary>
    public const string NoCitizen = "00000000000000000000000000000000";

    public CancellationToken CancellationToken => cancellationToken;

    public int Count { get; private set; }

    /// <summary>The RPCs that answered with a refusal a caller could get (no such record, invalid input).</summary>
    public List<string> Refused { get; } = [];

    /// <summary>Failures other than the answers a caller could get (a query that does not translate, a mapping that throws).</summary>
    public List<Exception> Unexpected { get; } = [];

    /// <summary>
    /// The unary RPC <paramref name="rpc"/> with <paramref name="request"/>, whose caller holds the
    /// roles the access policy admits for it, for every partnership (the handlers' own checks of
    /// the caller see an ordinary reader). A refusal (no such record) still warms the path up to it.
    /// </summary>
    public async Task ReadAsync(string rpc, IMessage request)
    {
        Count++;
        var method = $"/{policy.ServiceFullName}/{rpc}";
        try
        {
            var status = await CallAsync(method, Reader(policy.AllowedRoles(method)), request);
            if (status == StatusCode.OK) return;
            // The error interceptor answers Internal for what it did not expect (and logs it), Unavailable for a database away.
            if (status is StatusCode.Internal or StatusCode.Unknown or StatusCode.Unavailable)
            {
                Unexpected.Add(new RpcException(new Status(status, $"Warm-up read {rpc} answered {status}")));
                logger.LogWarning("Warm-up read {Rpc} answered {Status}", rpc, status);
                return;
            }
            Refused.Add(rpc);
            logger.LogDebug("Warm-up read {Rpc} answered {Status}", rpc, status);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Unexpected.Add(e);
            logger.LogWarning(e, "Warm-up read {Rpc} failed", rpc);
        }
    }

    private async Task<StatusCode> CallAsync(string method, ClaimsPrincipal caller, IMessage request)
    {
        var endpoint = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SingleOrDefault(e => e.RoutePattern.RawText == method && e.Metadata.GetMetadata<GrpcMethodMetadata>() is not null)
            ?? throw new InvalidOperationException($"No gRPC endpoint serves {method}.");
        await using var scope = scopes.CreateAsyncScope();
        var trailers = new ResponseTrailers();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = caller };
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        context.Features.Set<IHttpResponseTrailersFeature>(trailers);
        context.Features.Set(WarmUpCall.Instance);
        context.SetEndpoint(endpoint);
        context.RequestAborted = cancellationToken;
        var http = context.Request;
        (http.Method, http.Protocol, http.Path, http.ContentType) = (HttpMethods.Post, "HTTP/2", method, "application/grpc");
        http.Body = new MemoryStream(Framed(request));

        await endpoint.RequestDelegate!(context);
        // Trailers once the answer has started, else in the headers (a "trailers-only" answer).
        var status = trailers.Trailers["grpc-status"].FirstOrDefault() ?? context.Response.Headers["grpc-status"].FirstOrDefault();
        return status is null ? StatusCode.Unknown : (StatusCode)int.Parse(status);
    }

    /// <summary>gRPC's length-prefixed message: an uncompressed flag, the length big-endian, the bytes.</summary>
    private static byte[] Framed(IMessage message)
    {
        var framed = new byte[5 + message.CalculateSize()];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1, 4), (uint)(framed.Length - 5));
        message.WriteTo(framed.AsSpan(5));
        return framed;
    }

    private static ClaimsPrincipal Reader(IEnumerable<string> roles) => new(new ClaimsIdentity(
        [new Claim(SuiteClaims.Subject, "warm-up"), new Claim(SuiteClaims.Partnership, SuiteClaims.AllPartnerships),
            .. roles.Select(role => new Claim(SuiteClaims.Role, role))],
        authenticationType: "warm-up", SuiteClaims.Subject, SuiteClaims.Role));

    private sealed class ResponseTrailers : IHttpResponseTrailersFeature
    {
        public IHeaderDictionary Trailers { get; set; } = new HeaderDictionary();
    }
}

/// <summary>
/// Marks a call the warm-up runs in-process (<see cref="WarmUpCalls"/>): its audit entry is
/// rehearsed and rolled back. Only code in the process can set a feature on a request; no call
/// that comes through Kestrel carries it.
/// </summary>
public sealed class WarmUpCall
{
    public static WarmUpCall Instance { get; } = new();

    private WarmUpCall()
    {
    }
}
