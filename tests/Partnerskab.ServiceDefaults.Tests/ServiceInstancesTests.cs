using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Partnerskab.ServiceDefaults.Calling;

namespace Partnerskab.ServiceDefaults.Tests;

/// <summary>How the settings naming a service's instances become a channel's address and its resolver.</summary>
public sealed class ServiceInstancesTests
{
    private static readonly Uri First = new("http://10.0.0.1:5101"), Second = new("http://10.0.0.2:5101");

    [Fact]
    public void A_list_replaces_the_single_address_and_is_resolved_statically_and_spread()
    {
        var instances = ServiceInstances.From("Gateway", "CohortUrl", new Uri("http://cohort:5101"), [First, Second]);
        var channel = new GrpcChannelOptions { ServiceConfig = new ServiceConfig { MethodConfigs = { new MethodConfig { Names = { MethodName.Default } } } } };

        instances.Spread(channel);

        instances.Address.Scheme.ShouldBe("static");
        instances.ByDns.ShouldBeFalse();
        instances.Addresses.ShouldBe([First, Second]);
        channel.Credentials.ShouldBe(ChannelCredentials.Insecure);
        channel.ServiceProvider!.GetService(typeof(ResolverFactory)).ShouldBeOfType<StaticResolverFactory>();
        channel.ServiceConfig.LoadBalancingConfigs.ShouldHaveSingleItem().PolicyName.ShouldBe(SpreadBalancerFactory.PolicyName);
        channel.ServiceProvider.GetService(typeof(LoadBalancerFactory)).ShouldBeOfType<SpreadBalancerFactory>();
        channel.ServiceConfig.MethodConfigs.ShouldHaveSingleItem("the caller's method config (its retry policy) is kept");
    }

    [Fact]
    public void A_dns_name_is_resolved_by_dns_and_named_as_http_for_a_proxy()
    {
        var instances = ServiceInstances.From("Portal", "PaymentUrl", new Uri("dns:///payment-pods:5301"), []);
        var channel = new GrpcChannelOptions();

        instances.Spread(channel);

        instances.ByDns.ShouldBeTrue();
        instances.Address.ShouldBe(new Uri("dns:///payment-pods:5301"));
        instances.Addresses.ShouldBe([new Uri("http://payment-pods:5301")]);
        channel.ServiceProvider!.GetService(typeof(ResolverFactory)).ShouldBeOfType<DnsResolverFactory>();
        channel.ServiceConfig!.LoadBalancingConfigs.ShouldHaveSingleItem().PolicyName.ShouldBe(SpreadBalancerFactory.PolicyName);
    }

    [Fact]
    public void One_address_leaves_the_channel_as_it_is()
    {
        var instances = ServiceInstances.From("Services", "CohortUrl", First, []);
        var channel = new GrpcChannelOptions();

        instances.Spread(channel);

        instances.Address.ShouldBe(First);
        instances.Addresses.ShouldBe([First]);
        channel.ServiceProvider.ShouldBeNull();
        channel.ServiceConfig.ShouldBeNull();
        channel.Credentials.ShouldBeNull();
    }

    [Fact]
    public void Neither_an_address_nor_a_list_names_both_settings()
    {
        var refusal = Should.Throw<InvalidOperationException>(() => ServiceInstances.From("Gateway", "OutcomeUrl", null, []));

        refusal.Message.ShouldContain("Gateway__OutcomeUrl");
        refusal.Message.ShouldContain("Gateway__OutcomeUrls__0");
    }
}
