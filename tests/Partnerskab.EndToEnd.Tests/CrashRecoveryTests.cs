using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Shouldly;

namespace Partnerskab.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class CrashRecoveryTests(SuiteFixture suite)
{
    private const int Citizens = 40;

    [Fact]
    public async Task Killing_the_payment_service_mid_flight_loses_and_doubles_no_milestone()
    {
        var clients = suite.Clients;
        var slice = await ThinSlice.RunAsync(clients, TestCitizens.UniqueReference("crash"), TestCitizens.Cpr(10), TextWriter.Null);
        var partnershipId = slice.Partnership.PartnershipId;

        var claims = new List<string>();
        for (var n = 0; n < Citizens; n++)
        {
            var citizen = (await clients.Cohort.HandOverCitizenAsync(new HandOverCitizenRequest
            {
                PartnershipId = partnershipId,
                Cpr = TestCitizens.Cpr(100 + n),
                HandoverDate = ThinSlice.Day(2023, 4, 3),
                BenefitType = Protos.Cohort.V1.BenefitType.JobClarificationBenefit,
                WeeksSickListed = 40,
                CaseReference = $"HAD-CRASH-{n}",
            }, deadline: SuiteClients.Deadline())).Citizen;
            claims.Add((await clients.Outcome.ClaimOutcomeAsync(new ClaimOutcomeRequest
            {
                PartnershipId = partnershipId,
                CitizenId = citizen.CitizenId,
                ClaimReference = $"CRASH-{n}",
                Kind = OutcomeKind.JobStart,
                OutcomeDate = ThinSlice.Day(2024, 1, 8),
                HoursPerWeekHundredths = 37_00,
                EmployerCvr = "87654321",
                EvidenceReference = $"payslip {n}",
            }, deadline: SuiteClients.Deadline())).Claim.ClaimId);
        }

        // Verify every claim while the payment service is killed partway through the
        // milestone events it is consuming; the rest pile up in its queue meanwhile.
        var verifications = claims.Select(async (claimId, i) =>
        {
            await Task.Delay(i * 25);
            await clients.Outcome.VerifyOutcomeClaimAsync(new VerifyOutcomeClaimRequest { ClaimId = claimId, VerifiedBy = "crash-test" },
                deadline: SuiteClients.Deadline());
        }).ToList();
        var beforeKill = await WaitForLedgerItemsAsync(partnershipId, atLeast: 2 + Citizens + 3, TimeSpan.FromSeconds(30));
        await suite.Payment.KillAsync();
        beforeKill.Count.ShouldBeLessThan(2 * (Citizens + 1), "the kill came while milestone events were still flowing");
        await Task.WhenAll(verifications);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await suite.Payment.StartAsync();

        var milestones = (await clients.Outcome.ListMilestonesAsync(new ListMilestonesRequest { PartnershipId = partnershipId },
            deadline: SuiteClients.Deadline())).Milestones;
        milestones.Count.ShouldBe(Citizens + 1);

        var ledger = await WaitForLedgerItemsAsync(partnershipId, atLeast: 2 * (Citizens + 1), TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2));
        ledger = await LedgerAsync(partnershipId);

        var milestoneItems = ledger.Where(i => i.Kind == LedgerItemKind.Milestone).ToList();
        milestoneItems.Count.ShouldBe(Citizens + 1);
        milestoneItems.Select(i => i.CitizenId).Order().ShouldBe(milestones.Select(m => m.CitizenId).Order());
        milestoneItems.ShouldAllBe(i => i.AmountOre == ThinSlice.JobStartPriceOre);
        ledger.Count(i => i.Kind == LedgerItemKind.HandoverFee).ShouldBe(Citizens + 1);

        var cost = await clients.Payment.GetPartnershipCostAsync(new GetPartnershipCostRequest { PartnershipId = partnershipId },
            deadline: SuiteClients.Deadline());
        cost.TotalEarnedOre.ShouldBe((Citizens + 1) * (ThinSlice.JobStartPriceOre + ThinSlice.HandoverFeeOre));
    }

    private async Task<IReadOnlyList<LedgerItem>> WaitForLedgerItemsAsync(string partnershipId, int atLeast, TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        while (true)
        {
            var items = await LedgerAsync(partnershipId);
            if (items.Count >= atLeast) return items;
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{items.Count} ledger items after {patience}, expected {atLeast}.\n{suite.Payment.OutputTail()}");
            }
            await Task.Delay(100);
        }
    }

    private async Task<IReadOnlyList<LedgerItem>> LedgerAsync(string partnershipId) =>
        (await suite.Clients.Payment.GetWholeLedgerAsync(new GetLedgerRequest { PartnershipId = partnershipId }, deadline: SuiteClients.Deadline())).Items;
}
