using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Outcome.Comparison;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.History;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Outcome.BusinessCase;

/// <summary>
/// The business case on a day (<see cref="BusinessCaseEstimate"/>): validate, read the cohort's
/// decided weeks and the inputs in force, compute, map. The cost comes with the request, as the
/// caller read it from the payment service: outcome does not call payment, which already depends
/// on outcome's events, so neither waits on the other and the case stands while payment is down.
/// </summary>
public sealed class GetBusinessCaseHandler(OutcomeDbContext db, CohortLookup cohort, IClock clock)
{
    /// <summary>Resamples of the bootstrap; the interval's percentiles are then steady to about a hundredth of its width.</summary>
    private const int Replicates = 1000;

    /// <summary>
    /// Comparison citizens with a month observed below which the case says nothing: the group's
    /// mean per month would rest on a handful of citizens, and the bootstrap over so few cannot
    /// show how wrong that may be.
    /// </summary>
    public const int MinimumComparisonCitizens = 10;

    public async Task<GetBusinessCaseResponse> HandleAsync(GetBusinessCaseRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var knownOn = KnownOn.Valid(v, request.KnownOn, clock);
        var asOf = request.AsOf is null ? KnownOn.DefaultAsOf(knownOn, clock) : v.Date(request.AsOf, "as_of");
        v.Check(!request.HasCostToDateOre || request.CostToDateOre >= 0, "cost_to_date_ore", "must not be negative");
        v.Check(!request.HasCostExpectedOre || request.CostExpectedOre >= 0, "cost_expected_ore", "must not be negative");
        v.Check(request.HasCostToDateOre == request.HasCostExpectedOre, "cost_expected_ore", "must be given together with cost_to_date_ore");
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        var versions = await db.BusinessCaseInputs.AsNoTracking().Where(i => i.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var inputs = BusinessCaseInputsVersion.InForce(versions, asOf, knownOn);
        var citizens = knownOn is { } known
            ? await KnownFacts.CitizensAsync(db, partnershipId, known, cancellationToken)
            : await db.FollowUpCitizens.AsNoTracking().Where(c => c.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        if (citizens.Count == 0 && versions.Count == 0) await cohort.EnsurePartnershipExistsAsync(partnershipId, cancellationToken);

        var seed = BitConverter.ToInt32(partnershipId.ToByteArray());
        var response = new GetBusinessCaseResponse
        {
            PartnershipId = partnershipId.ToString(), AsOf = asOf.ToProto(), BootstrapReplicates = Replicates, BootstrapSeed = seed,
        };
        if (inputs is null) return response;
        response.Inputs = inputs.ToProto();

        var rates = inputs.BenefitRates();
        var cohortMonths = citizens.Where(c => !c.WasWronglyEnrolled).Select(c => CitizenMonths.Of(
            new CitizenMonths.Citizen(c.FollowUpStart, c.Window.ObligationsEnd, c.Weeks), asOf, FollowUpMonths(c), rates)).ToList();
        BusinessCaseEstimate.Cost? cost = request.HasCostToDateOre ? new(request.CostToDateOre, request.CostExpectedOre) : null;
        var method = new BusinessCaseEstimate.Method(Replicates, seed);
        if (inputs.CurveBasisPoints.Length > 0)
        {
            var againstCurve = BusinessCaseEstimate.Compute(cohortMonths, new BusinessCaseEstimate.Comparison.Curve(inputs.CurveBasisPoints), cost, method);
            response.Cases.Add(againstCurve.ToProto(BusinessCaseComparison.ExpectedCurve));
        }
        // A comparison citizen is followed as long as the cohort is; a citizen in the cohort is never one.
        var months = citizens.Select(FollowUpMonths).DefaultIfEmpty(0).Max();
        var group = await ComparisonGroup.ReadAsync(db, partnershipId, knownOn, months,
            citizens.Select(c => c.CitizenId).ToHashSet(StringComparer.Ordinal), cancellationToken);
        if (group.Count > 0)
        {
            var comparisonMonths = group.Select(c => CitizenMonths.Of(c, asOf, months, rates)).ToList();
            var againstGroup = BusinessCaseEstimate.Compute(cohortMonths,
                new BusinessCaseEstimate.Comparison.Group(comparisonMonths, MinimumComparisonCitizens), cost, method);
            response.Cases.Add(againstGroup.ToProto(BusinessCaseComparison.Group));
        }
        return response;
    }

    private static int FollowUpMonths(FollowUpCitizen citizen) => Period.Between(citizen.FollowUpStart, citizen.FollowUpEnd, PeriodUnits.Months).Months;
}
