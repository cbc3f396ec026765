using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Shouldly;
using Date = Google.Type.Date;

namespace Partnerskab.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class PaymentCostReportTests(SuiteFixture suite)
{
    private const long ManagementFeeOre = 500_000;
    private const long YearBudget2023Ore = 30_000_000;

    private static long WithVat(long netOre) => netOre + netOre / 4;

    [Fact]
    public async Task The_cost_report_as_of_a_past_date_shows_what_was_paid_invoiced_and_earned_by_then()
    {
        var (partnershipId, citizens) = await PaymentTestData.PartnershipAsync(suite.Clients, "cost-asof",
            id => TestRateCards.FullRateCard(id, ThinSlice.Day(2023, 3, 1)), 350);
        var partnership = Guid.Parse(partnershipId);
        var milestoneId = Guid.NewGuid();
        await PaymentTestData.PublishAsync(suite, "outcome", "Outcome.MilestoneAchieved", new
        {
            MilestoneId = milestoneId, PartnershipId = partnership, CitizenId = citizens[0],
            MilestoneCode = TestRateCards.JobStart, AchievedOn = new DateOnly(2023, 5, 10),
        });
        await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Count == 2);
        var cappedJobStart = TestRateCards.CitizenCapOre - TestRateCards.HandoverFeeOre;

        // Asked before any invoice run, about the end of June: the fees due by then count as earned
        // (once the registration, with the contract period, has reached the payment service).
        var juneBeforeRun = await CostAsync(partnershipId, ThinSlice.Day(2023, 6, 30), until: r => r.TotalExpectedOre > r.TotalToDateOre);
        var q2Net = TestRateCards.HandoverFeeOre + cappedJobStart + 2 * ManagementFeeOre;
        (juneBeforeRun.TotalPaidOre, juneBeforeRun.TotalInvoicedUnpaidOre, juneBeforeRun.TotalEarnedNotInvoicedOre)
            .ShouldBe((0, 0, WithVat(q2Net)));

        var q2 = (await PaymentInvoicingTests.RunAsync(suite.Clients, partnershipId, ThinSlice.Day(2023, 4, 1), ThinSlice.Day(2023, 7, 3)))
            .Documents.ShouldHaveSingleItem();
        q2.TotalAmountOre.ShouldBe(WithVat(q2Net));
        await suite.Clients.Payment.RecordPaymentsAsync(new RecordPaymentsRequest
        {
            IssuerCvr = q2.IssuerCvr,
            Lines = { new BankStatementLine { BankLineId = $"cost-{Guid.NewGuid():N}", AmountOre = q2.TotalAmountOre, BookedOn = ThinSlice.Day(2023, 7, 20), Reference = $"Faktura {q2.Number}" } },
        }, deadline: SuiteClients.Deadline());
        await PaymentTestData.PublishAsync(suite, "outcome", "Outcome.MilestoneRevoked", new
        {
            MilestoneId = milestoneId, PartnershipId = partnership, CitizenId = citizens[0],
            MilestoneCode = TestRateCards.JobStart, RevokedOn = new DateOnly(2023, 8, 15), Reason = "register shows no employment",
        });
        await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Any(i => i.Kind == LedgerItemKind.Credit));
        var q3 = (await PaymentInvoicingTests.RunAsync(suite.Clients, partnershipId, ThinSlice.Day(2023, 7, 1), ThinSlice.Day(2023, 10, 2))).Documents;
        q3.Select(d => (d.Kind, d.TotalAmountOre)).ShouldBe([
            (DocumentKind.Invoice, WithVat(ManagementFeeOre)), (DocumentKind.CreditNote, WithVat(cappedJobStart)),
        ]);

        // The past reads the same after the runs, payments and the revocation; only the count of
        // ledger items differs, since the run booked the fees as items.
        (await CostAsync(partnershipId, ThinSlice.Day(2023, 6, 30))).With(r => r.LedgerItems = 0).ShouldBe(juneBeforeRun.With(r => r.LedgerItems = 0));

        var july = await CostAsync(partnershipId, ThinSlice.Day(2023, 7, 10));
        (july.TotalPaidOre, july.TotalInvoicedUnpaidOre, july.TotalEarnedNotInvoicedOre).ShouldBe((0, q2.TotalAmountOre, WithVat(ManagementFeeOre)));
        (july.CitizensHandedOver, july.MilestonesReached, july.CitizenCaps.ShouldHaveSingleItem().RemainingOre).ShouldBe((1, 1, 0L));

        var paid = await CostAsync(partnershipId, ThinSlice.Day(2023, 7, 20));
        (paid.TotalPaidOre, paid.TotalInvoicedUnpaidOre).ShouldBe((q2.TotalAmountOre, 0));

        // After the credit note the kommune has paid more than it owes on the first invoice.
        var october = await CostAsync(partnershipId, ThinSlice.Day(2023, 10, 2));
        var netToDate = TestRateCards.HandoverFeeOre + 4 * ManagementFeeOre;
        (october.TotalPaidOre, october.TotalInvoicedUnpaidOre, october.TotalEarnedNotInvoicedOre).ShouldBe((
            q2.TotalAmountOre,
            WithVat(ManagementFeeOre) - WithVat(cappedJobStart),
            WithVat(ManagementFeeOre)));
        october.TotalToDateOre.ShouldBe(WithVat(netToDate));
        // Quarterly fees are still to come on 2024-01-01, -04-01, -07-01, -10-01 and 2025-01-01 (the contract ends 2025-03-31).
        october.TotalExpectedOre.ShouldBe(WithVat(netToDate) + 5 * WithVat(ManagementFeeOre));
        (october.CitizensHandedOver, october.CostPerCitizenOre, october.MilestonesReached, october.CostPerMilestoneOre)
            .ShouldBe((1, WithVat(netToDate), 0, 0L));
#pragma warning disable CS0612 // The deprecated fields stay filled, with the same numbers, for the clients that read them.
        (july.VerifiedOutcomes, july.CostPerVerifiedOutcomeOre).ShouldBe((july.MilestonesReached, july.CostPerMilestoneOre));
#pragma warning restore CS0612
        october.CitizenCaps.ShouldHaveSingleItem().RemainingOre.ShouldBe(TestRateCards.CitizenCapOre - TestRateCards.HandoverFeeOre);
        october.ContractCapRemainingOre.ShouldBe(560_000_000 - netToDate);

        // Paid 5,000,000 of a budget of 30,000,000: 16.67 %.
        var year = october.Years.Single(y => y.Year == 2023);
        (year.EarnedOre, year.PaidOre, year.BudgetOre, year.ShareSpentBasisPoints, year.ExpectedOre, year.ExpectedDifferenceOre, year.CapRemainingOre)
            .ShouldBe((netToDate, q2.TotalAmountOre, YearBudget2023Ore, 1_667L, WithVat(netToDate),
                YearBudget2023Ore - WithVat(netToDate), 250_000_000 - netToDate));
    }

    private async Task<GetPartnershipCostResponse> CostAsync(string partnershipId, Date asOf, Func<GetPartnershipCostResponse, bool>? until = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var report = await suite.Clients.Payment.GetPartnershipCostAsync(new GetPartnershipCostRequest { PartnershipId = partnershipId, AsOf = asOf },
                deadline: SuiteClients.Deadline());
            if (until is null || until(report)) return report;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the cost report never got there: {report}");
            await Task.Delay(100);
        }
    }
}
