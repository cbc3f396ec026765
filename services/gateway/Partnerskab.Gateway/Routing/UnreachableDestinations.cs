using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Partnerskab.Gateway.Routing;

/// <summary>
/// The gateway's passive health check: an instance of a service that a request could not reach, or that broke off its
/// answer, is left out of the round robin for <see cref="LeftOutFor"/>, then tried again; one that answers is healthy.
/// YARP's default policy waits for a failure rate over a minute's requests, during which a killed instance would keep
/// taking its share of the calls.
/// </summary>
public sealed class UnreachableDestinations(IDestinationHealthUpdater health) : IPassiveHealthCheckPolicy
{
    public const string PolicyName = "Unreachable";

    public static readonly TimeSpan LeftOutFor = TimeSpan.FromSeconds(10);

    public string Name => PolicyName;

    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination) =>
        health.SetPassive(cluster, destination, Unreachable(context.Features.Get<IForwarderErrorFeature>()?.Error)
            ? DestinationHealth.Unhealthy
            : DestinationHealth.Healthy, LeftOutFor);

    /// <summary>
    /// Failures of the instance, not of the caller (who may cancel or send a broken body) or of the gateway: no connection
    /// or no answer, or the answer cut off by the instance.
    /// </summary>
    public static bool Unreachable(ForwarderError? error) =>
        error is ForwarderError.Request or ForwarderError.RequestTimedOut or ForwarderError.RequestBodyDestination or ForwarderError.ResponseBodyDestination;
}
