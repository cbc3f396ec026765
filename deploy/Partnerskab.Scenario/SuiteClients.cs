using Grpc.Core;
using Grpc.Core.Interceptors;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Tokens;

namespace Partnerskab.Scenario;

/// <summary>gRPC clients of the three services, as an outside system holds them, sending its bearer token (none: anonymous calls).</summary>
public sealed class SuiteClients : IDisposable
{
    private readonly BearerChannel[]? owned;
    private readonly CallInvoker cohort;
    private readonly CallInvoker outcome;
    private readonly CallInvoker payment;

    public SuiteClients(Uri cohortUrl, Uri outcomeUrl, Uri paymentUrl, string? bearerToken)
    {
        owned = [new(cohortUrl, bearerToken), new(outcomeUrl, bearerToken), new(paymentUrl, bearerToken)];
        (cohort, outcome, payment) = (owned[0].Invoker, owned[1].Invoker, owned[2].Invoker);
    }

    private SuiteClients(CallInvoker cohort, CallInvoker outcome, CallInvoker payment) => (this.cohort, this.outcome, this.payment) = (cohort, outcome, payment);

    public CohortService.CohortServiceClient Cohort => new(cohort);
    public OutcomeService.OutcomeServiceClient Outcome => new(outcome);
    public PaymentService.PaymentServiceClient Payment => new(payment);

    /// <summary>The deadline every call of the scenario carries.</summary>
    public static DateTime Deadline() => DateTime.UtcNow.AddSeconds(10);

    /// <summary>
    /// The same clients, over the same channels, whose calls say that their facts were recorded
    /// at <paramref name="at"/>: a historical load, which the services allow the operator alone.
    /// </summary>
    public SuiteClients RecordedAt(DateTimeOffset at)
    {
        var value = RecordedAtHeader.Value(at);
        CallInvoker Stamped(CallInvoker invoker) => invoker.Intercept(metadata =>
        {
            metadata.Add(RecordedAtHeader.Name, value);
            return metadata;
        });
        return new(Stamped(cohort), Stamped(outcome), Stamped(payment));
    }

    public void Dispose()
    {
        foreach (var channel in owned ?? []) channel.Dispose();
    }
}
