using Grpc.Core;
using Partnerskab.Contracts;
using Partnerskab.Contracts.Outcome;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Payment.Tests.InProcess;

/// <summary>The investor's cash flows derived from the payments of the partnership's invoices, where the rate card passes outcome payments through.</summary>
[Collection(ClockedPaymentServiceCollection.Name)]
public sealed class OutcomePassThroughTests(ClockedPaymentHost payment) : InProcessTests(payment.ResetAsync)
{
    private const string Issuer = "12345678";
    // A job start (25,000 DKK) and a teaching day (15,000 DKK) on one invoice: 40,000 net, 10,000 VAT, 50,000 in all.
    private const long InvoiceTotalOre = 5_000_000;

    [Fact]
    public async Task Each_payment_of_an_invoice_passes_its_outcome_part_through_once_and_the_position_counts_it()
    {
        payment.Today(2023, 10, 5);
        var partnershipId = await payment.PartnershipAsync(r => r.InvestorPassThroughBasisPoints = 10_000);
        var id = partnershipId.ToString();
        var invoice = await InvoicedQuarterAsync(partnershipId);
        invoice.TotalAmountOre.ShouldBe(InvoiceTotalOre);
        await payment.Client.RecordInvestorCashFlowAsync(new RecordInvestorCashFlowRequest
        {
            PartnershipId = id, Kind = InvestorCashFlowKind.Drawdown, OccurredOn = ThinSlice.Day(2023, 3, 1), AmountOre = 2_000_000, Reference = "bank 2023-03-01",
        }, deadline: SuiteClients.Deadline());

        // Paid in two parts: 20,000 and 30,000 DKK, each divided across the lines: 2/5 and 3/5 of the job start.
        await PayAsync(("B1", 2_000_000, ThinSlice.Day(2023, 10, 20), invoice.Number), ("B2", 3_000_000, ThinSlice.Day(2023, 11, 3), invoice.Number));
        await PayAsync(("B1", 2_000_000, ThinSlice.Day(2023, 10, 20), invoice.Number));

        var flows = await CashFlowsAsync(id);
        flows.Where(f => f.Kind == InvestorCashFlowKind.OutcomePayment).Select(f => (f.OccurredOn, f.AmountOre)).ShouldBe(
            [(ThinSlice.Day(2023, 10, 20), 1_000_000L), (ThinSlice.Day(2023, 11, 3), 1_500_000L)], "once per payment, however often it is recorded");
        flows.ShouldAllBe(f => f.Kind != InvestorCashFlowKind.OutcomePayment || f.Note.Contains("paying invoice " + invoice.Number));

        var position = await payment.Client.GetInvestorPositionAsync(new GetInvestorPositionRequest { PartnershipId = id, AsOf = ThinSlice.Day(2023, 12, 31) },
            deadline: SuiteClients.Deadline());
        // 25,000 passed through against 20,000 drawn: 20,000 repays the capital, 5,000 is a return.
        (position.OutcomePaymentsOre, position.RepaidOre, position.ReturnedOre, position.OutstandingOre).ShouldBe((2_500_000L, 2_000_000L, 500_000L, 0L));
        position.MultipleTenThousandths.ShouldBe(12_500);
        position.RateOfReturnStatus.ShouldBe(RateOfReturnStatus.Rate);

        var byHand = await Should.ThrowAsync<RpcException>(payment.Client.RecordInvestorCashFlowAsync(new RecordInvestorCashFlowRequest
        {
            PartnershipId = id, Kind = InvestorCashFlowKind.OutcomePayment, OccurredOn = ThinSlice.Day(2023, 12, 1), AmountOre = 1, Reference = "by hand",
        }, deadline: SuiteClients.Deadline()).ResponseAsync);
        byHand.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        byHand.Status.Detail.ShouldContain("kind");
    }

    [Fact]
    public async Task A_rate_card_version_that_passes_outcome_payments_through_added_after_the_payments_passes_through_those_of_its_days()
    {
        payment.Today(2023, 10, 5);
        var partnershipId = await payment.PartnershipAsync();
        var id = partnershipId.ToString();
        var invoice = await InvoicedQuarterAsync(partnershipId);
        await PayAsync(("B1", 1_000_000, ThinSlice.Day(2023, 9, 29), invoice.Number), ("B2", 4_000_000, ThinSlice.Day(2023, 10, 20), invoice.Number));
        (await CashFlowsAsync(id)).ShouldBeEmpty("the rate card passes nothing through yet");

        payment.Today(2023, 11, 1);
        await payment.Client.SetRateCardAsync(TestRateCards.FullRateCard(id, ThinSlice.Day(2023, 10, 1)).With(r =>
        {
            r.Caps = null;
            r.PeriodicFees.Clear();
            r.InvestorPassThroughBasisPoints = 5_000;
        }), deadline: SuiteClients.Deadline());

        // Half of the outcome part of the payment of 20 October (its 4/5 of the job start); the one of 29 September is before the version.
        (await CashFlowsAsync(id)).Select(f => (f.Kind, f.OccurredOn, f.AmountOre)).ShouldBe(
            [(InvestorCashFlowKind.OutcomePayment, ThinSlice.Day(2023, 10, 20), 1_000_000L)]);
    }

    /// <summary>A job start and a teaching day in the third quarter of 2023, invoiced on 5 October.</summary>
    private async Task<Invoice> InvoicedQuarterAsync(Guid partnershipId)
    {
        await payment.PublishAsync(new MilestoneAchieved
        {
            MilestoneId = Guid.NewGuid(), PartnershipId = partnershipId, CitizenId = new Pseudonym(new string('a', 32)), MilestoneCode = TestRateCards.JobStart,
            AchievedOn = new DateOnly(2023, 8, 14),
        });
        await payment.PublishAsync(new DeliverableCompleted
        {
            DeliverableId = Guid.NewGuid(), PartnershipId = partnershipId, Kind = "TeachingDay", CompletedOn = new DateOnly(2023, 9, 1), Quantity = 1,
        });
        await payment.LedgerAsync(partnershipId, 2);
        return (await payment.Client.RunInvoicesAsync(new RunInvoicesRequest
        {
            PartnershipId = partnershipId.ToString(), PeriodStart = ThinSlice.Day(2023, 7, 1), IssueDate = ThinSlice.Day(2023, 10, 5),
        }, deadline: SuiteClients.Deadline())).Documents.ShouldHaveSingleItem();
    }

    private async Task PayAsync(params (string BankLineId, long AmountOre, Google.Type.Date BookedOn, long InvoiceNumber)[] lines) =>
        await payment.Client.RecordPaymentsAsync(new RecordPaymentsRequest
        {
            IssuerCvr = Issuer,
            Lines =
            {
                lines.Select(l => new BankStatementLine { BankLineId = l.BankLineId, AmountOre = l.AmountOre, BookedOn = l.BookedOn, Reference = $"Faktura {l.InvoiceNumber}" }),
            },
        }, deadline: SuiteClients.Deadline());

    private async Task<IReadOnlyList<InvestorCashFlow>> CashFlowsAsync(string partnershipId) =>
        (await payment.Client.ListInvestorCashFlowsAsync(new ListInvestorCashFlowsRequest { PartnershipId = partnershipId }, deadline: SuiteClients.Deadline())).CashFlows;
}
