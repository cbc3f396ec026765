using Grpc.Net.Client.Balancer;
using Microsoft.Extensions.Logging;

namespace Partnerskab.ServiceDefaults.Calling;

/// <summary>
/// The load balancing policy of a channel spread over instances: round robin over the instances whose connection is up
/// (as grpc-dotnet's round_robin), and an instance a call could not open a connection to is left out for
/// <see cref="LeftOutFor"/>, then tried again.
/// </summary>
/// <remarks>
/// grpc-dotnet's round_robin takes an instance out only when it sees the connection it holds to it close. When a call
/// finds no usable connection it opens one itself, and if that is refused the instance still counts as up: an instance
/// killed just as the channel had connected to it again got every other call, each failing, until it came back.
/// </remarks>
public sealed class SpreadBalancerFactory : LoadBalancerFactory
{
    public const string PolicyName = "partnerskab_spread";

    /// <summary>How long an instance that refused a connection is left out (as the gateway's forwarding does).</summary>
    public static readonly TimeSpan LeftOutFor = TimeSpan.FromSeconds(10);

    public override string Name => PolicyName;

    public override LoadBalancer Create(LoadBalancerOptions options) => new SpreadBalancer(options.Controller, options.LoggerFactory);

    private sealed class SpreadBalancer(IChannelControlHelper controller, ILoggerFactory loggerFactory)
        : SubchannelsLoadBalancer(controller, loggerFactory)
    {
        private readonly Rotation<Subchannel> rotation = new(LeftOutFor);
        private readonly ILogger logger = loggerFactory.CreateLogger<SpreadBalancerFactory>();

        protected override SubchannelPicker CreatePicker(IReadOnlyList<Subchannel> readySubchannels) => new Picker(readySubchannels, this);

        private static TimeSpan Now() => TimeSpan.FromMilliseconds(Environment.TickCount64);

        private sealed class Picker(IReadOnlyList<Subchannel> ready, SpreadBalancer balancer) : SubchannelPicker
        {
            public override PickResult Pick(PickContext context)
            {
                var subchannel = balancer.rotation.Next(ready, Now());
                return PickResult.ForSubchannel(subchannel, new RefusalTracker(subchannel, balancer));
            }
        }

        private sealed class RefusalTracker(Subchannel subchannel, SpreadBalancer balancer) : ISubchannelCallTracker
        {
            public void Start()
            {
            }

            public void Complete(CompletionContext context)
            {
                // Only a connection that could not be opened: nothing of the call reached the instance.
                if (context.Error is not HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }) return;
                balancer.rotation.Refused(subchannel, Now());
                balancer.logger.LogWarning("Instance {Address} refused a connection; left out for {Seconds} s",
                    context.Address, LeftOutFor.TotalSeconds);
            }
        }
    }
}
