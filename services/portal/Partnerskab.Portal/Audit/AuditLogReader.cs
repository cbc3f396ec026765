using Google.Protobuf.WellKnownTypes;
using Partnerskab.Portal.Calling;
using Partnerskab.Protos.Audit.V1;
using Cohort = Partnerskab.Protos.Cohort.V1;
using Outcome = Partnerskab.Protos.Outcome.V1;
using Payment = Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Portal.Audit;

/// <summary>
/// The three services' audit logs read with one filter, as one list, newest first: "who has seen
/// citizen X, and when?". Each service answers for its own log; the portal only merges them.
/// </summary>
public sealed class AuditLogReader(Cohort.CohortService.CohortServiceClient cohort, Outcome.OutcomeService.OutcomeServiceClient outcome,
    Payment.PaymentService.PaymentServiceClient payment)
{
    /// <summary>The most entries read from each service's log (its largest page).</summary>
    public const int PerService = 1000;

    public sealed record Entry(string Service, AuditEntry Audit);

    /// <param name="Cut">Some service had more entries than <see cref="PerService"/>: the oldest are shown; narrow the search.</param>
    public sealed record Result(IReadOnlyList<Entry> Entries, bool Cut);

    public async Task<Result> ReadAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var deadline = SuiteClientsRegistration.Deadline();
        var cohortCall = cohort.ListAuditEntriesAsync(new Cohort.ListAuditEntriesRequest { Filter = filter, PageSize = PerService },
            deadline: deadline, cancellationToken: cancellationToken).ResponseAsync;
        var outcomeCall = outcome.ListAuditEntriesAsync(new Outcome.ListAuditEntriesRequest { Filter = filter, PageSize = PerService },
            deadline: deadline, cancellationToken: cancellationToken).ResponseAsync;
        var paymentCall = payment.ListAuditEntriesAsync(new Payment.ListAuditEntriesRequest { Filter = filter, PageSize = PerService },
            deadline: deadline, cancellationToken: cancellationToken).ResponseAsync;
        var (fromCohort, fromOutcome, fromPayment) = (await cohortCall, await outcomeCall, await paymentCall);
        return Merge(
        [
            ("cohort", fromCohort.Entries, fromCohort.NextPageToken.Length > 0),
            ("outcome", fromOutcome.Entries, fromOutcome.NextPageToken.Length > 0),
            ("payment", fromPayment.Entries, fromPayment.NextPageToken.Length > 0),
        ]);
    }

    /// <summary>The services' entries as one list, newest first (the same moment: by service, then entry id).</summary>
    public static Result Merge(IReadOnlyList<(string Service, IReadOnlyList<AuditEntry> Entries, bool More)> logs) => new(
        [.. logs.SelectMany(log => log.Entries.Select(e => new Entry(log.Service, e)))
            .OrderByDescending(e => e.Audit.RecordedAt ?? new Timestamp())
            .ThenBy(e => e.Service, StringComparer.Ordinal)
            .ThenBy(e => e.Audit.EntryId, StringComparer.Ordinal)],
        logs.Any(log => log.More));
}
