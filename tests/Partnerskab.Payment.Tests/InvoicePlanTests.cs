using NodaTime;
using Partnerskab.Payment.Invoicing;
using Partnerskab.Payment.Ledger;

namespace Partnerskab.Payment.Tests;

public sealed class InvoicePlanTests
{
    private static readonly LocalDate PeriodEnd = new(2023, 6, 30);
    private static readonly Dictionary<Guid, InvoicePlan.InvoicedOn> NothingInvoiced = [];

    private static LedgerItem Item(LedgerItemKind kind, long amountOre, LocalDate earnedOn, long? originalOre = null, CapKind cappedBy = CapKind.None,
        Guid? credits = null) => new()
    {
        Id = Guid.NewGuid(),
        Kind = kind,
        CitizenId = "0123456789abcdef0123456789abcdef",
        Code = "JOB_START",
        UnitPriceOre = originalOre ?? amountOre,
        OriginalAmountOre = originalOre ?? amountOre,
        AmountOre = amountOre,
        CappedBy = cappedBy,
        CreditsItemId = credits,
        CauseKey = Guid.NewGuid().ToString(),
        EarnedOn = earnedOn,
        BookedOn = earnedOn,
        PricingNote = "test",
    };

    [Fact]
    public void Each_payer_gets_an_invoice_of_its_own_items_and_a_credit_note_against_its_own_invoice()
    {
        var kommune = Item(LedgerItemKind.Milestone, 2_000_000, new LocalDate(2023, 5, 10), originalOre: 2_400_000, cappedBy: CapKind.PerCitizen);
        var fund = Item(LedgerItemKind.Milestone, 500_000, new LocalDate(2023, 5, 10), originalOre: 600_000, cappedBy: CapKind.PerCitizen);
        (kommune.PayerId, fund.PayerId) = ("KOMMUNE", "FUND");

        var invoices = InvoicePlan.Plan([kommune, fund], NothingInvoiced, PeriodEnd, 2500);

        invoices.Select(d => (d.Kind, d.PayerId, d.NetAmountOre, d.VatAmountOre)).ShouldBe(
            [(DocumentKind.Invoice, "FUND", 500_000L, 125_000L), (DocumentKind.Invoice, "KOMMUNE", 2_000_000L, 500_000L)]);
        invoices[0].Lines.ShouldHaveSingleItem().AllowanceOre.ShouldBe(100_000);

        var fundInvoice = new InvoicePlan.InvoicedOn(Guid.NewGuid(), 7, new LocalDate(2023, 7, 3), 2500);
        var kommuneInvoice = new InvoicePlan.InvoicedOn(Guid.NewGuid(), 8, new LocalDate(2023, 7, 3), 2500);
        var credits = new[] { (kommune, kommuneInvoice), (fund, fundInvoice) }.Select(c =>
        {
            var credit = Item(LedgerItemKind.Credit, -c.Item1.AmountOre, new LocalDate(2023, 8, 15), credits: c.Item1.Id);
            credit.PayerId = c.Item1.PayerId;
            return credit;
        }).ToList();
        var notes = InvoicePlan.Plan(credits, new Dictionary<Guid, InvoicePlan.InvoicedOn> { [kommune.Id] = kommuneInvoice, [fund.Id] = fundInvoice },
            new LocalDate(2023, 9, 30), 2500);

        notes.Select(d => (d.Kind, d.PayerId, d.CreditedInvoice, d.NetAmountOre)).ShouldBe(
            [(DocumentKind.CreditNote, "FUND", fundInvoice, 500_000L), (DocumentKind.CreditNote, "KOMMUNE", kommuneInvoice, 2_000_000L)]);
    }

    [Fact]
    public void Items_earned_up_to_the_period_end_go_on_one_invoice_in_date_order_and_later_ones_wait()
    {
        var june = Item(LedgerItemKind.Milestone, 2_500_000, new LocalDate(2023, 6, 30));
        var april = Item(LedgerItemKind.HandoverFee, 1_000_000, new LocalDate(2023, 4, 3));
        var july = Item(LedgerItemKind.Milestone, 2_500_000, new LocalDate(2023, 7, 1));

        var invoice = InvoicePlan.Plan([june, april, july], NothingInvoiced, PeriodEnd, 2500).ShouldHaveSingleItem();

        invoice.Kind.ShouldBe(DocumentKind.Invoice);
        invoice.Lines.Select(l => (l.LineNumber, l.LedgerItemId)).ShouldBe([(1, april.Id), (2, june.Id)]);
        (invoice.NetAmountOre, invoice.VatAmountOre, invoice.TotalAmountOre).ShouldBe((3_500_000, 875_000, 4_375_000));
    }

    [Fact]
    public void A_capped_item_shows_its_full_price_and_the_cap_as_an_allowance()
    {
        var capped = Item(LedgerItemKind.Milestone, 2_000_000, new LocalDate(2023, 5, 1), originalOre: 2_500_000, cappedBy: CapKind.PerCitizen);

        var line = InvoicePlan.Plan([capped], NothingInvoiced, PeriodEnd, 2500).ShouldHaveSingleItem().Lines.ShouldHaveSingleItem();

        (line.Quantity, line.UnitPriceOre, line.AllowanceOre, line.NetAmountOre).ShouldBe((1, 2_500_000, 500_000, 2_000_000));
        line.AllowanceReason.ShouldBe("Cap: per-citizen cap");
    }

    [Fact]
    public void VAT_is_rounded_once_on_the_sum_of_the_lines_half_away_from_zero()
    {
        // 3 × 0.02 DKK at 25 %: per line 0.5 øre each would round to 3 øre; on the sum, 1.5 øre rounds to 2.
        var items = Enumerable.Range(0, 3).Select(_ => Item(LedgerItemKind.DeliverableFee, 2, new LocalDate(2023, 5, 1))).ToList();

        var invoice = InvoicePlan.Plan(items, NothingInvoiced, PeriodEnd, 2500).ShouldHaveSingleItem();

        (invoice.NetAmountOre, invoice.VatAmountOre).ShouldBe((6, 2));
    }

    [Fact]
    public void An_uninvoiced_item_and_its_credit_cancel_out_and_go_on_no_document()
    {
        var milestone = Item(LedgerItemKind.Milestone, 2_500_000, new LocalDate(2023, 5, 1));
        var credit = Item(LedgerItemKind.Credit, -2_500_000, new LocalDate(2023, 5, 20), credits: milestone.Id);

        InvoicePlan.Plan([milestone, credit], NothingInvoiced, PeriodEnd, 2500).ShouldBeEmpty();
    }

    [Fact]
    public void Credits_of_invoiced_items_go_on_one_positive_credit_note_per_credited_invoice_at_its_VAT_rate()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var invoiced = new Dictionary<Guid, InvoicePlan.InvoicedOn>
        {
            [a] = new(first, 7, new LocalDate(2023, 4, 5), 2500),
            [b] = new(first, 7, new LocalDate(2023, 4, 5), 2500),
            [c] = new(second, 9, new LocalDate(2023, 5, 5), 0),
        };
        var credits = new[]
        {
            Item(LedgerItemKind.Credit, -1_000_000, new LocalDate(2023, 6, 1), credits: a),
            Item(LedgerItemKind.Credit, -2_000_000, new LocalDate(2023, 6, 2), credits: b),
            Item(LedgerItemKind.Credit, -400_000, new LocalDate(2023, 6, 3), credits: c),
        };

        var notes = InvoicePlan.Plan(credits, invoiced, PeriodEnd, 2500);

        notes.Select(n => (n.Kind, n.CreditedInvoice!.InvoiceId, n.NetAmountOre, n.VatAmountOre, n.TotalAmountOre)).ShouldBe([
            (DocumentKind.CreditNote, first, 3_000_000, 750_000, 3_750_000),
            (DocumentKind.CreditNote, second, 400_000, 0, 400_000),
        ]);
        notes[0].Lines.ShouldAllBe(l => l.UnitPriceOre > 0 && l.NetAmountOre == l.UnitPriceOre && l.Quantity == 1);
    }

    [Fact]
    public void A_run_with_new_items_and_credits_of_invoiced_ones_makes_an_invoice_and_a_credit_note()
    {
        var invoicedItem = Guid.NewGuid();
        var invoiced = new Dictionary<Guid, InvoicePlan.InvoicedOn> { [invoicedItem] = new(Guid.NewGuid(), 1, new LocalDate(2023, 4, 5), 2500) };
        var fresh = Item(LedgerItemKind.HandoverFee, 1_000_000, new LocalDate(2023, 5, 1));
        var credit = Item(LedgerItemKind.Credit, -2_500_000, new LocalDate(2023, 5, 2), credits: invoicedItem);
        var creditAfterPeriod = Item(LedgerItemKind.Credit, -2_500_000, new LocalDate(2023, 7, 2), credits: invoicedItem);

        InvoicePlan.Plan([fresh, credit], invoiced, PeriodEnd, 2500).Select(d => d.Kind).ShouldBe([DocumentKind.Invoice, DocumentKind.CreditNote]);
        InvoicePlan.Plan([creditAfterPeriod], invoiced, PeriodEnd, 2500).ShouldBeEmpty();
    }

    [Fact]
    public void Items_booked_at_nothing_are_left_off()
    {
        var overtaken = Item(LedgerItemKind.Milestone, 0, new LocalDate(2023, 5, 1), originalOre: 2_500_000);
        var standIn = Item(LedgerItemKind.Credit, 0, new LocalDate(2023, 5, 1));

        InvoicePlan.Plan([overtaken, standIn], NothingInvoiced, PeriodEnd, 2500).ShouldBeEmpty();
    }
}
