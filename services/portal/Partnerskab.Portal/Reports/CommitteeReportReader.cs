using NodaTime;
using Partnerskab.Portal.Calling;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Portal.Reports;

/// <summary>Asks the three services, side by side and as the signed-in person, for what the committee dashboard shows.</summary>
public sealed class CommitteeReportReader(
    CohortService.CohortServiceClient cohort, OutcomeService.OutcomeServiceClient outcome, PaymentService.PaymentServiceClient payment)
{
    public async Task<CommitteeDashboard> ReadAsync(Guid partnershipId, LocalDate asOf, CancellationToken cancellationToken)
    {
        var id = partnershipId.ToString();
        var partnership = cohort.GetPartnershipAsync(new GetPartnershipRequest { PartnershipId = id },
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
        var report = outcome.GetCommitteeReportAsync(new GetCommitteeReportRequest { PartnershipId = id, AsOf = asOf.ToProto() },
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
        var cost = payment.GetPartnershipCostAsync(new GetPartnershipCostRequest { PartnershipId = id, AsOf = asOf.ToProto(), ExcludingVat = true },
            deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
        return new CommitteeDashboard((await partnership).Partnership, asOf, await report, await cost);
    }
}
