using Grpc.Core;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing;
using Partnerskab.Tokens;
using Shouldly;
using static Partnerskab.EndToEnd.Tests.OutcomeTestData;

namespace Partnerskab.EndToEnd.Tests;

/// <summary>The business case in the running suite: finance enters the inputs, the register streams statuses, the committee and investor read the case.</summary>
[Collection(SuiteCollection.Name)]
public sealed class OutcomeBusinessCaseTests(SuiteFixture suite)
{
    private SuiteClients Clients => suite.Clients;

    private const long SickRate = 400_000;
    private const int FirstShare = 6000, SteppedShare = 3000;

    [Fact]
    public async Task The_case_of_a_small_partnership_matches_a_hand_computation_and_only_the_roles_reading_aggregates_see_it()
    {
        // Handed over on Monday 2023-04-03 (ISO week 14): months since start of 5, 4 and 4 weeks, the third ending on 2023-07-02.
        var (partnership, a) = await TestCitizens.HandedOverAsync(Clients.Cohort, "business-case", 801, "BC-1");
        var partnershipId = partnership.PartnershipId;
        var b = (await Clients.Cohort.HandOverCitizenAsync(TestCitizens.HandOver(partnershipId, 802, "BC-2"), deadline: SuiteClients.Deadline())).Citizen;
        await WaitForFollowUpAsync(Clients, partnershipId, a.CitizenId);
        await WaitForFollowUpAsync(Clients, partnershipId, b.CitizenId);
        using var finance = suite.ClientsFor(new TokenSubject("finance", [SuiteRoles.Finance], null, [partnershipId]));
        var entered = (await finance.Outcome.SetBusinessCaseInputsAsync(new SetBusinessCaseInputsRequest
        {
            PartnershipId = partnershipId,
            Inputs = new BusinessCaseInputs(SicknessBenefitInputs(SickRate, FirstShare, SteppedShare))
            {
                ExpectedSelfSufficientBasisPoints = { 0, 2500, 2500 },
                CurveSource = "synthetic test curve",
            },
        }, deadline: SuiteClients.Deadline())).Inputs;
        entered.RecordedBy.ShouldStartWith("finance");
        var streamed = await StreamAsync(Clients, partnershipId, Guid.NewGuid().ToString(), StatusSource.Register,
        [
            .. Enumerable.Range(14, 5).Select(w => Row(a.CitizenId, 2023, w, WeeklyStatus.SicknessBenefit)),
            .. Enumerable.Range(19, 8).Select(w => Row(a.CitizenId, 2023, w, WeeklyStatus.OrdinaryEmployment, 37_00)),
            .. Enumerable.Range(14, 13).Select(w => Row(b.CitizenId, 2023, w, WeeklyStatus.SicknessBenefit)),
        ]);
        streamed.Rejected.ShouldBe(0);
        using var committee = suite.ClientsFor(new TokenSubject("committee", [SuiteRoles.Committee], null, [partnershipId]));
        using var investor = suite.ClientsFor(new TokenSubject("investor", [SuiteRoles.Investor], null, [partnershipId]));
        using var provider = suite.ClientsFor(new TokenSubject("provider", [SuiteRoles.Provider], null, [partnershipId]));
        var asOf = ThinSlice.Day(2023, 7, 2);
        var cost = await committee.Payment.GetPartnershipCostAsync(new GetPartnershipCostRequest { PartnershipId = partnershipId, AsOf = asOf, ExcludingVat = true },
            deadline: SuiteClients.Deadline());
        var request = new GetBusinessCaseRequest
        {
            PartnershipId = partnershipId, AsOf = asOf, CostToDateOre = cost.TotalToDateOre, CostExpectedOre = cost.TotalExpectedOre,
        };

        var read = await committee.Outcome.GetBusinessCaseAsync(request, deadline: SuiteClients.Deadline());
        var byInvestor = await investor.Outcome.GetBusinessCaseAsync(request, deadline: SuiteClients.Deadline());
        var refused = await Should.ThrowAsync<RpcException>(provider.Outcome.GetBusinessCaseAsync(request, deadline: SuiteClients.Deadline()).ResponseAsync);

        // By hand: A sick 5 weeks, then in work; B sick all 13 weeks. The kommune pays 60 % of the rate for a spell's first 5 weeks, 30 % after.
        var first = SickRate * FirstShare / 10_000;
        var stepped = SickRate * SteppedShare / 10_000;
        decimal[] additional = [0, 4 - 8 * 0.25m, 4 - 8 * 0.25m];
        var costOfWeek = (10m * first + 8 * stepped) / 18;
        var saving = (long)Math.Round(additional.Sum() * costOfWeek, MidpointRounding.AwayFromZero);
        var @case = read.Cases.Single();
        @case.CohortCitizens.ShouldBe(2);
        @case.Months.Select(m => (m.Cohort.Weeks, m.Cohort.BenefitWeeks, m.Cohort.SelfSufficientWeeks, m.Cohort.CostOre))
            .ShouldBe([(10, 10, 0, 10 * first), (8, 4, 4, 4 * stepped), (8, 4, 4, 4 * stepped)]);
        @case.Estimate.AdditionalSelfSufficientWeeksHundredths.ShouldBe((long)(additional.Sum() * 100));
        @case.Estimate.GrossSavingOre.ShouldBe(saving);
        @case.Estimate.NetToDateOre.ShouldBe(saving - cost.TotalToDateOre);
        @case.Estimate.NetExpectedOre.ShouldBe(saving - cost.TotalExpectedOre);
        read.Inputs.ShouldBe(entered);
        byInvestor.ShouldBe(read);
        refused.StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }
}
