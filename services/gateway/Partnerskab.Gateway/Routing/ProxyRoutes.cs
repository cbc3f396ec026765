using System.Net;
using Google.Protobuf.Reflection;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

namespace Partnerskab.Gateway.Routing;

/// <summary>
/// The gateway's routing table, derived from the protos so it cannot drift from them: every REST
/// route of every RPC to the service that owns it, and each service's gRPC methods by their
/// path (/partnerskab.cohort.v1.CohortService/...). Both go to the service's gRPC port over
/// HTTP/2 without TLS (h2c): the service transcodes REST itself, so its interceptors (access,
/// validation, audit) see a REST call exactly as the gRPC call it names.
/// </summary>
public static class ProxyRoutes
{
    private const string KindKey = "Kind";
    private const string BodyKey = "JsonBody";
    private const string RpcKey = "Rpc";
    public const string RestKind = "rest";
    public const string GrpcKind = "grpc";

    public static IReadOnlyList<RouteConfig> Routes(IEnumerable<SuiteService> services) =>
    [
        .. services.SelectMany(service => RestRoute.Of(service.Descriptor).Select((route, i) => new RouteConfig
        {
            RouteId = $"rest-{route.Rpc.FullName}-{i}",
            ClusterId = service.Name,
            Match = new RouteMatch { Path = AspNetTemplate(route), Methods = [route.HttpMethod] },
            Metadata = new Dictionary<string, string> { [KindKey] = RestKind, [BodyKey] = route.HasBody.ToString(), [RpcKey] = route.Rpc.FullName },
        })),
        .. services.Select(service => new RouteConfig
        {
            RouteId = $"grpc-{service.Descriptor.FullName}",
            ClusterId = service.Name,
            Match = new RouteMatch { Path = $"/{service.Descriptor.FullName}/{{method}}", Methods = ["POST"] },
            Metadata = new Dictionary<string, string> { [KindKey] = GrpcKind },
        }),
    ];

    public static IReadOnlyList<ClusterConfig> Clusters(IEnumerable<SuiteService> services) =>
    [
        .. services.Select(service => new ClusterConfig
        {
            ClusterId = service.Name,
            // One destination per listed instance, or per address of a DNS name (resolved again every 30 s).
            Destinations = service.Instances.Addresses.Select((address, i) => (address, i))
                .ToDictionary(d => $"{service.Name}-{d.i}", d => new DestinationConfig { Address = d.address.ToString() }),
            LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
            HealthCheck = new HealthCheckConfig
            {
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true, Policy = UnreachableDestinations.PolicyName, ReactivationPeriod = UnreachableDestinations.LeftOutFor,
                },
                // When every instance is left out, each is tried again rather than none.
                AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
            },
            // Plain-text HTTP/2 is only spoken when the version is demanded exactly.
            HttpRequest = new ForwarderRequestConfig { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact },
        }),
    ];

    private static readonly Dictionary<string, MethodDescriptor> Rpcs =
        SuiteService.Descriptors.SelectMany(service => service.Methods).ToDictionary(method => method.FullName);

    /// <summary>The RPC a REST route names.</summary>
    public static MethodDescriptor RpcOf(RouteConfig route) => Rpcs[route.Metadata![RpcKey]];

    public static bool IsRest(RouteConfig route) => route.Metadata?.GetValueOrDefault(KindKey) == RestKind;

    /// <summary>A REST call that changes something: every route but a GET.</summary>
    public static bool IsRestWrite(RouteConfig route, string method) => IsRest(route) && !HttpMethods.IsGet(method);

    /// <summary>
    /// A gRPC call that changes something: a unary RPC whose REST route is not a GET (the
    /// client-streaming imports carry their own idempotency key in their messages).
    /// </summary>
    public static bool IsGrpcWrite(RouteConfig route, PathString path) =>
        route.Metadata?.GetValueOrDefault(KindKey) == GrpcKind
        && Rpcs.TryGetValue(path.Value!.TrimStart('/').Replace('/', '.'), out var rpc)
        && rpc is { IsClientStreaming: false, IsServerStreaming: false }
        && RestRoute.Of(rpc.Service).Any(rest => rest.Rpc == rpc && rest.IsWrite);

    public static bool TakesJsonBody(RouteConfig route) => IsRest(route) && route.Metadata?.GetValueOrDefault(BodyKey) == bool.TrueString;

    // The protos use plain {field} variables only, which read the same as ASP.NET route parameters.
    private static string AspNetTemplate(RestRoute route) =>
        route.PathTemplate.Contains('=') || route.PathTemplate.Contains('*')
            ? throw new InvalidOperationException($"{route.Rpc.FullName}: use plain {{field}} variables in its REST path, not {route.PathTemplate}.")
            : route.PathTemplate;
}
