using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Partnerskab.ServiceDefaults.Calling;

/// <summary>
/// Where the instances of a service another process calls are, as configured: one address (http://host:port), every
/// instance behind a DNS name (dns:///host:port, e.g. a Kubernetes headless Service), or a static list of addresses
/// (settings {Name}s__0, __1, ... beside {Name}). A gRPC channel given these spreads its calls round robin over the
/// instances that answer, and leaves out an instance whose connection fails or is refused (<see cref="SpreadBalancerFactory"/>).
/// </summary>
public sealed class ServiceInstances
{
    /// <summary>How often the channel asks DNS again, so that instances that come and go are followed.</summary>
    public static readonly TimeSpan DnsRefresh = TimeSpan.FromSeconds(30);

    private readonly IReadOnlyList<Uri> listed;
    private readonly Lazy<IServiceProvider?> resolvers;

    private ServiceInstances(Uri address, IReadOnlyList<Uri> listed)
    {
        Address = address;
        this.listed = listed;
        resolvers = new Lazy<IServiceProvider?>(Resolvers);
    }

    /// <summary>The address a channel is made for: the one address, the DNS name, or static:/// for a list.</summary>
    public Uri Address { get; }

    /// <summary>Whether the instances are found by asking DNS.</summary>
    public bool ByDns => Address.Scheme == "dns";

    /// <summary>
    /// Every instance as an http address: the list, the one address, or the DNS name as http://host:port (for what
    /// resolves a name itself, such as the gateway's proxy).
    /// </summary>
    public IReadOnlyList<Uri> Addresses => listed.Count > 0 ? listed
        : ByDns ? [new Uri($"http://{Address.AbsolutePath.TrimStart('/')}")]
        : [Address];

    /// <summary>
    /// The instances from a configuration section's setting <paramref name="name"/> (one address or a DNS name) and its
    /// list <paramref name="name"/>s (which, when given, takes its place).
    /// </summary>
    public static ServiceInstances From(string section, string name, Uri? address, IReadOnlyList<Uri>? addresses) =>
        addresses is { Count: > 0 } ? new ServiceInstances(new Uri("static:///instances"), addresses)
        : address is not null ? new ServiceInstances(address, [])
        : throw new InvalidOperationException(
            $"Configure {section}:{name} or {section}:{name}s (environment {section}__{name}, or {section}__{name}s__0, {section}__{name}s__1, ...).");

    /// <summary>
    /// Makes a channel spread its calls over the instances (a list or a DNS name; one address needs nothing): the channel
    /// finds them through a resolver and balances round robin (<see cref="SpreadBalancerFactory"/>), keeping whatever
    /// service config it already has.
    /// </summary>
    public void Spread(GrpcChannelOptions channel)
    {
        if (resolvers.Value is not { } provider) return;
        // A resolved address names no scheme the channel could take its transport security from; the services speak h2c.
        channel.Credentials = ChannelCredentials.Insecure;
        channel.ServiceProvider = provider;
        channel.ServiceConfig ??= new ServiceConfig();
        channel.ServiceConfig.LoadBalancingConfigs.Add(new LoadBalancingConfig(SpreadBalancerFactory.PolicyName));
    }

    /// <summary>A channel to the instances, spread over them, for a caller without the gRPC client factory.</summary>
    public GrpcChannel Channel(GrpcChannelOptions? options = null)
    {
        var channelOptions = options ?? new GrpcChannelOptions();
        Spread(channelOptions);
        return GrpcChannel.ForAddress(Address, channelOptions);
    }

    // One per configured service, shared by its channels, so the DNS answers are kept once.
    private IServiceProvider? Resolvers()
    {
        ResolverFactory? resolver = Address.Scheme switch
        {
            "static" => new StaticResolverFactory(_ => [.. listed.Select(u => new BalancerAddress(u.Host, u.Port))]),
            "dns" => new DnsResolverFactory(DnsRefresh),
            _ => null,
        };
        return resolver is null ? null
            : new ServiceCollection().AddSingleton(resolver).AddSingleton<LoadBalancerFactory, SpreadBalancerFactory>().BuildServiceProvider();
    }
}
