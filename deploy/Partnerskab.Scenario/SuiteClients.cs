using Grpc.Net.Client;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Scenario;

/// <summary>gRPC clients of the three services, as an outside system holds them.</summary>
public sealed class SuiteClients(Uri cohortUrl, Uri outcomeUrl, Uri paymentUrl) : IDisposable
{
    private readonly GrpcChannel cohortChannel = GrpcChannel.ForAddress(cohortUrl);
    private readonly GrpcChannel outcomeChannel = GrpcChannel.ForAddress(outcomeUrl);
    private readonly GrpcChannel paymentChannel = GrpcChannel.ForAddress(paymentUrl);

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
