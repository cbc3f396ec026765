using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Shouldly;

namespace Partnerskab.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class ThinSliceTests(SuiteFixture suite)
{
    [Fact]
    public async Task A_verified_job_start_becomes_a_payable_item_and_counts_in_the_cost()
    {
        var result = await ThinSlice.RunAsync(suite.Clients, TestCitizens.UniqueReference("slice"), TestCitizens.Cpr(1), TextWriter.Null);

        var milestone = result.Milestones.ShouldHaveSingleItem();
        milestone.Code.ShouldBe(ThinSlice.JobStartCode);
        milestone.BasisClaimIds.ShouldBe([result.Claim.ClaimId]);

        result.Ledger.Count.ShouldBe(2);
        var payable = result.Ledger.Single(i => i.Kind == LedgerItemKind.Milestone);
        payable.AmountOre.ShouldBe(ThinSlice.JobStartPriceOre);
        payable.MilestoneCode.ShouldBe(ThinSlice.JobStartCode);
        payable.CitizenId.ShouldBe(result.Citizen.CitizenId);
        payable.EarnedOn.ShouldBe(ThinSlice.Day(2023, 9, 4));
        result.Ledger.Single(i => i.Kind == LedgerItemKind.HandoverFee).AmountOre.ShouldBe(ThinSlice.HandoverFeeOre);

        result.Cost.TotalEarnedOre.ShouldBe(ThinSlice.JobStartPriceOre + ThinSlice.HandoverFeeOre);
        var year = result.Cost.Years.ShouldHaveSingleItem();
        year.Year.ShouldBe(2023);
        year.EarnedOre.ShouldBe(3_500_000);
    }

    [Fact]
    public async Task Running_the_slice_twice_changes_nothing()
    {
        var reference = TestCitizens.UniqueReference("twice");
        var first = await ThinSlice.RunAsync(suite.Clients, reference, TestCitizens.Cpr(2), TextWriter.Null);
        var countsAfterFirst = await suite.RowCountsAsync();

        var second = await ThinSlice.RunAsync(suite.Clients, reference, TestCitizens.Cpr(2), TextWriter.Null);

        second.Partnership.PartnershipId.ShouldBe(first.Partnership.PartnershipId);
        second.Citizen.CitizenId.ShouldBe(first.Citizen.CitizenId);
        second.Claim.ClaimId.ShouldBe(first.Claim.ClaimId);
        second.Ledger.Select(i => i.ItemId).ShouldBe(first.Ledger.Select(i => i.ItemId));
        second.Cost.TotalEarnedOre.ShouldBe(first.Cost.TotalEarnedOre);
        (await suite.RowCountsAsync()).ShouldBe(countsAfterFirst);
    }
}
