using NodaTime;
using Partnerskab.Payment.Investments;
using Partnerskab.Payment.Reconciliation;

namespace Partnerskab.Payment.Tests.Investments;

public sealed class OutcomePassThroughTests
{
    private static readonly Guid Partnership = Guid.NewGuid();

    // An invoice of 1,000 DKK net (600 of it milestones) and 250 VAT.
    private static readonly OutcomePassThrough.PaidInvoice Invoice = new(Guid.NewGuid(), Partnership, 17, 125_000, 60_000);

    private static BankPayment Payment(string id, long ore, LocalDate bookedOn) => new()
    {
        Id = Guid.NewGuid(), IssuerCvr = "12345678", BankLineId = id, AmountOre = ore, BookedOn = bookedOn, Reference = "Faktura 17",
    };

    [Theory]
    // Paid in full: the milestone lines' net, all of it or the share.
    [InlineData(125_000, 10_000, 60_000)]
    [InlineData(125_000, 2_500, 15_000)]
    // Part paid: its part of the milestone lines, without VAT: 1 øre of 125,000 is 0.48 øre of milestones.
    [InlineData(62_500, 10_000, 30_000)]
    [InlineData(1, 10_000, 0)]
    [InlineData(2, 10_000, 1)]
    // 333.33 DKK paid of 1,250: 159.9984 DKK of milestones, 33.33 % of it passed through: 53.3275 DKK, rounded once.
    [InlineData(33_333, 3_333, 5_333)]
    public void A_payment_passes_its_share_of_the_invoices_milestone_lines_without_vat(long paidOre, int share, long expectedOre) =>
        OutcomePassThrough.Amount(paidOre, Invoice.OutcomeNetOre, Invoice.TotalAmountOre, share).ShouldBe(expectedOre);

    [Fact]
    public void The_share_is_the_rate_card_versions_in_force_on_the_payments_day()
    {
        OutcomePassThrough.ShareFrom[] versions =
        [
            new(Partnership, new LocalDate(2023, 3, 1), 0),
            new(Partnership, new LocalDate(2024, 1, 1), 5_000),
            new(Guid.NewGuid(), new LocalDate(2023, 1, 1), 10_000),
        ];

        OutcomePassThrough.ShareOn(versions, Partnership, new LocalDate(2023, 2, 28)).ShouldBe(0);
        OutcomePassThrough.ShareOn(versions, Partnership, new LocalDate(2023, 12, 31)).ShouldBe(0);
        OutcomePassThrough.ShareOn(versions, Partnership, new LocalDate(2024, 1, 1)).ShouldBe(5_000);
    }

    [Fact]
    public void A_payment_passed_through_before_or_whose_part_comes_to_nothing_passes_nothing()
    {
        var recorded = Payment("B1", 125_000, new LocalDate(2024, 2, 1));
        var fresh = Payment("B2", 125_000, new LocalDate(2024, 2, 2));
        var tiny = Payment("B3", 1, new LocalDate(2024, 2, 3));
        var beforeShare = Payment("B4", 125_000, new LocalDate(2023, 12, 31));

        var due = OutcomePassThrough.Of([(recorded, Invoice), (fresh, Invoice), (tiny, Invoice), (beforeShare, Invoice)],
            [new(Partnership, new LocalDate(2023, 3, 1), 0), new(Partnership, new LocalDate(2024, 1, 1), 10_000)],
            new HashSet<string> { OutcomePassThrough.Reference(recorded) });

        due.Select(d => (d.Payment.BankLineId, d.AmountOre)).ShouldBe([("B2", 60_000L)]);
        var cashFlow = OutcomePassThrough.CashFlow(due[0], Instant.FromUtc(2024, 2, 5, 9, 0), "finance");
        (cashFlow.Kind, cashFlow.OccurredOn, cashFlow.Reference, cashFlow.InvestorCashOre).ShouldBe(
            (CashFlowKind.OutcomePayment, fresh.BookedOn, $"payment:{fresh.Id}", 60_000L));
        cashFlow.Note.ShouldBe("100.00 % of the outcome part of bank line B2 (1250.00 DKK paying invoice 17)");
    }
}
