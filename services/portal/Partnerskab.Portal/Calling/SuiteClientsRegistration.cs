using Grpc.Net.Client.Configuration;
using Grpc.Net.ClientFactory;
using Partnerskab.Portal.Accounts;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Calling;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Partnerskab.Portal.Calling;

public static class SuiteClientsRegistration
{
    /// <summary>The deadline every call to a service carries.</summary>
    public static DateTime Deadline() => DateTime.UtcNow.AddSeconds(15);

    /// <summary>
    /// gRPC clients of the three services, each spread over the service's instances when several are configured; every
    /// call carries the signed-in person's token, and a read is tried again (on the next instance) when one is unavailable.
    /// </summary>
    public static IServiceCollection AddSuiteClients(this IServiceCollection services, PortalOptions options)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<PersonTokens>();
        Add<CohortService.CohortServiceClient>(services, CohortService.Descriptor, Instances(nameof(options.CohortUrl), options.CohortUrl, options.CohortUrls));
        Add<OutcomeService.OutcomeServiceClient>(services, OutcomeService.Descriptor, Instances(nameof(options.OutcomeUrl), options.OutcomeUrl, options.OutcomeUrls));
        Add<PaymentService.PaymentServiceClient>(services, PaymentService.Descriptor, Instances(nameof(options.PaymentUrl), options.PaymentUrl, options.PaymentUrls));
        return services;
    }

    private static ServiceInstances Instances(string name, Uri url, List<Uri> urls) => ServiceInstances.From(PortalOptions.Section, name, url, urls);

    private static void Add<TClient>(IServiceCollection services, ServiceDescriptor service, ServiceInstances instances) where TClient : class =>
        services.AddGrpcClient<TClient>(client => client.Address = instances.Address)
            .AddCallCredentials((_, metadata, provider) =>
            {
                var user = provider.GetRequiredService<IHttpContextAccessor>().HttpContext?.User
                    ?? throw new InvalidOperationException("A service is called outside a person's request.");
                metadata.Add("Authorization", $"Bearer {provider.GetRequiredService<PersonTokens>().For(new AccountScope(user))}");
                return Task.CompletedTask;
            })
            // The services listen on loopback or a private network in plain h2c; the token still goes only to them.
            .ConfigureChannel(channel => channel.UnsafeUseInsecureChannelCallCredentials = true)
            .ConfigureChannel(channel => channel.ServiceConfig = new ServiceConfig { MethodConfigs = { ReadRetries.For(service) } })
            .ConfigureChannel(instances.Spread);
}
