using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Gateway.Routing;

/// <summary>One of the services behind the gateway: its name, its proto service and where it listens.</summary>
public sealed record SuiteService(string Name, ServiceDescriptor Descriptor, Uri Address)
{
    public static IReadOnlyList<SuiteService> All(GatewayOptions options) =>
    [
        new("cohort", CohortServiceReflection.Descriptor.Services.Single(), Required(options.CohortUrl, nameof(options.CohortUrl))),
        new("outcome", OutcomeServiceReflection.Descriptor.Services.Single(), Required(options.OutcomeUrl, nameof(options.OutcomeUrl))),
        new("payment", PaymentServiceReflection.Descriptor.Services.Single(), Required(options.PaymentUrl, nameof(options.PaymentUrl))),
    ];

    /// <summary>The proto services alone, for what needs no address (the REST route table, the OpenAPI document).</summary>
    public static IReadOnlyList<ServiceDescriptor> Descriptors =>
    [
        CohortServiceReflection.Descriptor.Services.Single(),
        OutcomeServiceReflection.Descriptor.Services.Single(),
        PaymentServiceReflection.Descriptor.Services.Single(),
    ];

    private static Uri Required(Uri? url, string name) =>
        url ?? throw new InvalidOperationException($"Configure {GatewayOptions.Section}:{name} (environment {GatewayOptions.Section}__{name}).");
}
