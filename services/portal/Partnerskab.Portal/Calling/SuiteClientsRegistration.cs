using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Options;
using Partnerskab.Portal.Accounts;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Portal.Calling;

public static class SuiteClientsRegistration
{
    /// <summary>The deadline every call to a service carries.</summary>
    public static DateTime Deadline() => DateTime.UtcNow.AddSeconds(15);

    /// <summary>gRPC clients of the three services; every call carries the signed-in person's token.</summary>
    public static IServiceCollection AddSuiteClients(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<PersonTokens>();
        Add<CohortService.CohortServiceClient>(services, options => options.CohortUrl);
        Add<OutcomeService.OutcomeServiceClient>(services, options => options.OutcomeUrl);
        Add<PaymentService.PaymentServiceClient>(services, options => options.PaymentUrl);
        return services;
    }

    private static void Add<TClient>(IServiceCollection services, Func<PortalOptions, Uri> address) where TClient : class =>
        services.AddGrpcClient<TClient>((provider, client) => client.Address = address(provider.GetRequiredService<IOptions<PortalOptions>>().Value))
            .AddCallCredentials((_, metadata, provider) =>
            {
                var user = provider.GetRequiredService<IHttpContextAccessor>().HttpContext?.User
                    ?? throw new InvalidOperationException("A service is called outside a person's request.");
                metadata.Add("Authorization", $"Bearer {provider.GetRequiredService<PersonTokens>().For(new AccountScope(user))}");
                return Task.CompletedTask;
            })
            // The services listen on loopback or a private network in plain h2c; the token still goes only to them.
            .ConfigureChannel(channel => channel.UnsafeUseInsecureChannelCallCredentials = true);
}
