using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Tokens;

namespace Partnerskab.Scenario;

/// <summary>gRPC clients of the three services, as an outside system holds them, sending its bearer token (none: anonymous calls).</summary>
public sealed class SuiteClients(Uri cohortUrl, Uri outcomeUrl, Uri paymentUrl, string? bearerToken) : IDisposable
{
    private readonly BearerChannel cohortChannel = new(cohortUrl, bearerToken);
    private readonly BearerChannel outcomeChannel = new(outcomeUrl, bearerToken);
    private readonly BearerChannel paymentChannel = new(paymentUrl, bearerToken);

    public CohortService.CohortServiceClient Cohort => new(cohortChannel.Invoker);
    public OutcomeService.OutcomeServiceClient Outcome => new(outcomeChannel.Invoker);
    public PaymentService.PaymentServiceClient Payment => new(paymentChannel.Invoker);

    /// <summary>The deadline every call of the scenario carries.</summary>
    public static DateTime Deadline() => DateTime.UtcNow.AddSeconds(10);

    public void Dispose()
    {
        cohortChannel.Dispose();
        outcomeChannel.Dispose();
        paymentChannel.Dispose();
    }
}
