using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Calling;

namespace Partnerskab.Gateway.Routing;

/// <summary>One of the services behind the gateway: its name, its proto service and where its instances listen.</summary>
public sealed record SuiteService(string Name, ServiceDescriptor Descriptor, ServiceInstances Instances)
{
    public static IReadOnlyList<SuiteService> All(GatewayOptions options) =>
    [
        new("cohort", CohortServiceReflection.Descriptor.Services.Single(), Of(nameof(options.CohortUrl), options.CohortUrl, options.CohortUrls)),
        new("outcome", OutcomeServiceReflection.Descriptor.Services.Single(), Of(nameof(options.OutcomeUrl), options.OutcomeUrl, options.OutcomeUrls)),
        new("payment", PaymentServiceReflection.Descriptor.Services.Single(), Of(nameof(options.PaymentUrl), options.PaymentUrl, options.PaymentUrls)),
    ];

    /// <summary>The proto services alone, for what needs no address (the REST route table, the OpenAPI document).</summary>
    public static IReadOnlyList<ServiceDescriptor> Descriptors =>
    [
        CohortServiceReflection.Descriptor.Services.Single(),
        OutcomeServiceReflection.Descriptor.Services.Single(),
        PaymentServiceReflection.Descriptor.Services.Single(),
    ];

    private static ServiceInstances Of(string name, Uri? url, List<Uri> urls) => ServiceInstances.From(GatewayOptions.Section, name, url, urls);
}
