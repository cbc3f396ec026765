using Grpc.Net.Client;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Scenario;

/// <summary>gRPC clients of the three services, as an outside system holds them.</summary>
public sealed class SuiteClients(Uri cohortUrl, Uri outcomeUrl, Uri paymentUrl) : IDisposable
{
    // Import answers carry one result per row: some 5 MB for 100,000 rows.
    private static readonly GrpcChannelOptions Options = new() { MaxReceiveMessageSize = 64 * 1024 * 1024 };

    private readonly GrpcChannel cohortChannel = GrpcChannel.ForAddress(cohortUrl, Options);
    private readonly GrpcChannel outcomeChannel = GrpcChannel.ForAddress(outcomeUrl, Options);
    private readonly GrpcChannel paymentChannel = GrpcChannel.ForAddress(paymentUrl, Options);

    public CohortService.CohortServiceClient Cohort => new(cohortChannel);
    public OutcomeService.OutcomeServiceClient Outcome => new(outcomeChannel);
    public PaymentService.PaymentServiceClient Payment => new(paymentChannel);

    /// <summary>The deadline every call of the scenario carries.</summary>
    public static DateTime Deadline() => DateTime.UtcNow.AddSeconds(10);

    public void Dispose()
    {
        cohortChannel.Dispose();
        outcomeChannel.Dispose();
        paymentChannel.Dispose();
    }
}
