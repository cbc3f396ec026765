using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Partnerskab.Messaging.Inbox;
using Partnerskab.Messaging.Outbox;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ with the service's consumers, the outbox relay for the service's
    /// database and the purge of its old inbox rows. Each consumer reads the queue it is registered with (named in the contracts, <c>ConsumerQueues</c>);
    /// anything else is named "{service}-{endpoint}" so the services never share a queue.
    /// </summary>
    public static WebApplicationBuilder AddMessaging<TDb>(
        this WebApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? addConsumers = null)
        where TDb : DbContext
    {
        var rabbit = builder.Configuration.GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.Section));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IInterceptor, OutboxSignalInterceptor>();
        builder.Services.AddHostedService<OutboxRelay<TDb>>();
        builder.Services.Configure<InboxOptions>(builder.Configuration.GetSection(InboxOptions.Section));
        builder.Services.AddHostedService<InboxPurge<TDb>>();

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            addConsumers?.Invoke(bus);
            if (rabbit.QueueType == RabbitMqQueueType.Quorum)
            {
                bus.AddConfigureEndpointsCallback((_, endpoint) =>
                {
                    if (endpoint is IRabbitMqReceiveEndpointConfigurator queue) queue.SetQuorumQueue();
                });
            }
            bus.UsingRabbitMq((context, rabbitMq) =>
            {
                rabbitMq.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, host =>
                {
                    host.Username(rabbit.Username);
                    host.Password(rabbit.Password);
                    host.PublisherConfirmation = true;
                    if (rabbit.Nodes.Count > 0)
                    {
                        host.UseCluster(cluster =>
                        {
                            foreach (var node in rabbit.Nodes) cluster.Node(node);
                        });
                    }
                });
                rabbitMq.PrefetchCount = rabbit.PrefetchCount;
                // A database that is away (restarting, failing over) is waited for, up to about a
                // minute: the message is not at fault, and parking it would leave the work to an operator.
                rabbitMq.UseMessageRetry(retry =>
                {
                    retry.Handle<Exception>(DatabaseFaults.IsTransient);
                    retry.Interval(30, TimeSpan.FromSeconds(2));
                });
                // Anything else gets short in-memory retries; after that the message goes to the
                // endpoint's _error queue (there is no delayed-exchange plug-in to redeliver later).
                rabbitMq.UseMessageRetry(retry =>
                {
                    retry.Ignore<Exception>(DatabaseFaults.IsTransient);
                    retry.Intervals(100, 500, 2000);
                });
                rabbitMq.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(host =>
        {
            host.WaitUntilStarted = false;
            host.StopTimeout = TimeSpan.FromSeconds(15);
        });
        return builder;
    }
}
