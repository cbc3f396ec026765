using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Primitives;
using Partnerskab.ServiceDefaults.Calling;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Partnerskab.Gateway.Routing;

/// <summary>
/// A service given by a DNS name (dns:///host:port) is forwarded to one destination per address of the name, asked again
/// every <see cref="ServiceInstances.DnsRefresh"/>. A name without an address (a Kubernetes headless Service before any
/// of its pods is ready) is left as it is and asked again after <see cref="RetryAfter"/>, where failing would stop the
/// gateway from starting.
/// </summary>
public sealed class PodDestinations(ILogger<PodDestinations> logger) : IDestinationResolver
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(IReadOnlyDictionary<string, DestinationConfig> destinations,
        CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>();
        var unresolved = false;
        foreach (var (name, destination) in destinations)
        {
            var address = new Uri(destination.Address);
            IPAddress[] addresses;
            try
            {
                addresses = await Dns.GetHostAddressesAsync(address.DnsSafeHost, cancellationToken);
            }
            catch (SocketException e)
            {
                logger.LogWarning("{Host} has no address yet ({Error}); asked again in {Seconds} s", address.DnsSafeHost, e.SocketErrorCode, RetryAfter.TotalSeconds);
                addresses = [];
            }
            unresolved |= addresses.Length == 0;
            if (addresses.Length == 0) resolved[name] = destination;
            for (var i = 0; i < addresses.Length; i++)
            {
                // The name stays the Host header; the address is where the connection goes.
                resolved[$"{name}[{i}]"] = destination with { Host = address.Host, Address = new UriBuilder(address) { Host = addresses[i].ToString() }.Uri.ToString() };
            }
        }
        return new ResolvedDestinationCollection(resolved,
            new CancellationChangeToken(new CancellationTokenSource(unresolved ? RetryAfter : ServiceInstances.DnsRefresh).Token));
    }
}
