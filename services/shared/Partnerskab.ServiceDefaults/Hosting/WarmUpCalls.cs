using System.Security.Claims;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.Tokens;

namespace Partnerskab.ServiceDefaults.Hosting;

/// <summary>
/// Runs a handler of the service in-process, outside any gRPC call, as <see cref="ServiceWarmUp"/>
/// does before the service reports ready: its answer is serialised as the wire would and dropped.
/// </summary>
public sealed class WarmUpCalls(AccessPolicy policy, IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
{
    /// <summary>A well-formed pseudonym no citizen has, for a database that has none yet.</summary>
    public const string NoCitizen = "00000000000000000000000000000000";

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>A handler (or another service) from the warm-up's scope.</summary>
    public T Handler<T>() where T : notnull => services.GetRequiredService<T>();

    public int Count { get; private set; }

    /// <summary>The RPCs that answered with a refusal a caller could get (no such record, invalid input).</summary>
    public List<string> Refused { get; } = [];

    /// <summary>Failures other than the answers a caller could get (a query that does not translate, a mapping that throws).</summary>
    public List<Exception> Unexpected { get; } = [];

    /// <summary>
    /// <paramref name="read"/> with a call context of the RPC <paramref name="rpc"/> whose caller
    /// holds the roles the access policy admits for it, for every partnership (the handlers'
    /// own checks of the caller see an ordinary reader). A refusal (no such record) still warms
    /// the path up to it.
    /// </summary>
    public async Task ReadAsync<TResponse>(string rpc, Func<ServerCallContext, Task<TResponse>> read) where TResponse : IMessage
    {
        Count++;
        var method = $"/{policy.ServiceFullName}/{rpc}";
        try
        {
            var answer = await read(new WarmUpCallContext(method, Reader(policy.AllowedRoles(method)), services, cancellationToken));
            answer.ToByteArray();
        }
        catch (Exception e) when (e is DomainException or InvalidRequestException or RpcException)
        {
            Refused.Add(rpc);
            logger.LogDebug("Warm-up read {Rpc} answered {Error}", rpc, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Unexpected.Add(e);
            logger.LogWarning(e, "Warm-up read {Rpc} failed", rpc);
        }
    }

    private static ClaimsPrincipal Reader(IEnumerable<string> roles) => new(new ClaimsIdentity(
        [new Claim(SuiteClaims.Subject, "warm-up"), new Claim(SuiteClaims.Partnership, SuiteClaims.AllPartnerships),
            .. roles.Select(role => new Claim(SuiteClaims.Role, role))],
        authenticationType: "warm-up", SuiteClaims.Subject, SuiteClaims.Role));

    /// <summary>What grpc-dotnet gives a handler, minus the wire: the caller through the HTTP context grpc-dotnet looks up in the user state.</summary>
    private sealed class WarmUpCallContext : ServerCallContext
    {
        private readonly string method;
        private readonly CancellationToken cancellationToken;
        private readonly Dictionary<object, object> userState;

        public WarmUpCallContext(string method, ClaimsPrincipal caller, IServiceProvider services, CancellationToken cancellationToken)
        {
            this.method = method;
            this.cancellationToken = cancellationToken;
            userState = new() { ["__HttpContext"] = new DefaultHttpContext { User = caller, RequestServices = services } };
        }

        protected override string MethodCore => method;
        protected override string HostCore => "localhost";
        protected override string PeerCore => "warm-up";
        protected override DateTime DeadlineCore => DateTime.MaxValue;
        protected override Metadata RequestHeadersCore => [];
        protected override CancellationToken CancellationTokenCore => cancellationToken;
        protected override Metadata ResponseTrailersCore => [];
        protected override Status StatusCore { get; set; }
        protected override WriteOptions? WriteOptionsCore { get; set; }
        protected override AuthContext AuthContextCore => new(null, []);
        protected override IDictionary<object, object> UserStateCore => userState;
        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();
        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
