using NodaTime;
using Partnerskab.Portal.Calling;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Portal.Reports;

/// <summary>
/// Asks the three services, side by side and as the signed-in person, for what the committee
/// dashboard shows: as known now, or as known on a day (the committee report and the cost report
/// both as the services knew them then).
/// </summary>
public sealed class CommitteeReportReader(
    CohortService.CohortServiceClient cohort, OutcomeService.OutcomeServiceClient outcome, PaymentService.PaymentServiceClient payment)
{
    public async Task<CommitteeDashboard> ReadAsync(Guid partnershipId, LocalDate asOf, LocalDate? knownOn, CancellationToken cancellationToken)
    {
        var id = partnershipId.ToString();
        var known = knownOn?.ToProto();
        var partnership = cohort.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = id },
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
        var report = outcome.GetCommitteeReportAsync(new GetCommitteeReportRequest { PartnershipId = id, AsOf = asOf.ToProto(), KnownOn = known },
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
        var cost = payment.GetPartnershipCostAsync(new GetPartnershipCostRequest { PartnershipId = id, AsOf = asOf.ToProto(), KnownOn = known, ExcludingVat = true },
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
        return new CommitteeDashboard((await partnership).Partnership, asOf, await report, await cost);
    }
}
