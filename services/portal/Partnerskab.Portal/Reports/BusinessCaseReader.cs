using NodaTime;
using Partnerskab.Portal.Calling;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Portal.Reports;

/// <summary>
/// Asks, as the signed-in person, whether the partnership paid off: the outcome service's business
/// case weighed against the partnership's cost without VAT (the kommune gets the VAT back), as the
/// payment service reports it for the same day and as known on the same day. The outcome service
/// does not ask payment itself, so the cost goes with the request.
/// </summary>
public sealed class BusinessCaseReader(OutcomeService.OutcomeServiceClient outcome, PaymentService.PaymentServiceClient payment)
{
    public async Task<BusinessCaseReport> ReadAsync(Guid partnershipId, LocalDate asOf, LocalDate? knownOn, CancellationToken cancellationToken)
    {
        var cost = await payment.GetPartnershipCostAsync(new GetPartnershipCostRequest
        {
            PartnershipId = partnershipId.ToString(), AsOf = asOf.ToProto(), KnownOn = knownOn?.ToProto(), ExcludingVat = true,
        }, deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken);
        return await ReadAsync(partnershipId, asOf, knownOn, cost, cancellationToken);
    }

    /// <param name="cost">The cost report without VAT for the same day, already read.</param>
    public async Task<BusinessCaseReport> ReadAsync(Guid partnershipId, LocalDate asOf, LocalDate? knownOn, GetPartnershipCostResponse cost,
        CancellationToken cancellationToken) =>
        new(await outcome.GetBusinessCaseAsync(new GetBusinessCaseRequest
        {
            PartnershipId = partnershipId.ToString(), AsOf = asOf.ToProto(), KnownOn = knownOn?.ToProto(),
            CostToDateOre = cost.TotalToDateOre, CostExpectedOre = cost.TotalExpectedOre,
        }, deadline: SuiteClientsRegistration.Deadline(), cancellationToken: cancellationToken), cost.TotalToDateOre, cost.TotalExpectedOre);
}

/// <summary>The business case and the cost (without VAT) it was weighed against.</summary>
public sealed record BusinessCaseReport(GetBusinessCaseResponse Case, long CostToDateOre, long CostExpectedOre);
