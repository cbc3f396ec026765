using NodaTime;
using Partnerskab.Payment.Invoicing;
using Partnerskab.Payment.Reconciliation;

namespace Partnerskab.Payment.Tests;

public sealed class PaymentMatchingTests
{
    private static readonly LocalDate Issued = new(2023, 7, 3);
    private static readonly LocalDate Due = new(2023, 8, 2);

    private static Invoice Document(long number, long totalOre, DocumentKind kind = DocumentKind.Invoice, Invoice? credits = null) => new()
    {
        Id = Guid.NewGuid(),
        Kind = kind,
        Number = number,
        IssuerCvr = "12345678",
        IssueDate = Issued,
        DueDate = kind == DocumentKind.Invoice ? Due : Issued,
        CreditedInvoiceId = credits?.Id,
        SellerName = "", BuyerName = "", BuyerCvr = "", BuyerEan = "", BuyerReference = "", PayeeBankRegistrationNumber = "", PayeeAccountNumber = "",
        TotalAmountOre = totalOre,
    };

    private static BankPayment Paid(string lineId, long amountOre, string reference, LocalDate? bookedOn = null) => new()
    {
        Id = Guid.NewGuid(), IssuerCvr = "12345678", BankLineId = lineId, AmountOre = amountOre, BookedOn = bookedOn ?? new LocalDate(2023, 7, 20),
        Reference = reference,
    };

    private static PaymentMatching.ReconciledInvoice Single(Invoice invoice, LocalDate asOf, params BankPayment[] payments) =>
        PaymentMatching.Reconcile([invoice], payments, asOf).Invoices.ShouldHaveSingleItem();

    [Theory]
    [InlineData("17")]
    [InlineData("Faktura 17")]
    [InlineData("INV-0017 Haderslev Kommune")]
    [InlineData("fak.17/2023")]
    public void A_reference_naming_one_invoice_number_matches_it(string reference)
    {
        var invoices = new Dictionary<long, Invoice> { [17] = Document(17, 1), [18] = Document(18, 1) };
        PaymentMatching.InvoiceNamedBy(reference, invoices).ShouldBe(invoices[17]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Faktura 170")]
    [InlineData("Faktura 17 og 18")]
    [InlineData("huslejen")]
    public void A_reference_naming_no_invoice_or_several_matches_none(string reference)
    {
        var invoices = new Dictionary<long, Invoice> { [17] = Document(17, 1), [18] = Document(18, 1) };
        PaymentMatching.InvoiceNamedBy(reference, invoices).ShouldBeNull();
    }

    [Fact]
    public void Paid_exactly_is_in_order()
    {
        var reconciled = Single(Document(1, 1_250_000), Due.PlusDays(10), Paid("a", 1_250_000, "Faktura 1"));
        (reconciled.Standing.Status, reconciled.Findings.Count).ShouldBe((InvoiceStatus.Paid, 0));
    }

    [Fact]
    public void Part_paid_is_underpaid_and_once_due_also_overdue()
    {
        var invoice = Document(1, 1_250_000);
        Single(invoice, Due, Paid("a", 1_000_000, "1")).Findings.ShouldBe([Finding.Underpaid]);
        Single(invoice, Due.PlusDays(1), Paid("a", 1_000_000, "1")).Findings.ShouldBe([Finding.Underpaid, Finding.Overdue]);
    }

    [Fact]
    public void Unpaid_after_the_due_date_is_overdue_and_before_it_in_order()
    {
        var invoice = Document(1, 1_250_000);
        Single(invoice, Due).Findings.ShouldBeEmpty();
        Single(invoice, Due.PlusDays(1)).Findings.ShouldBe([Finding.Overdue]);
    }

    [Fact]
    public void More_than_owed_in_one_payment_or_in_parts_is_overpaid()
    {
        var invoice = Document(1, 1_250_000);
        Single(invoice, Due, Paid("a", 1_300_000, "1")).Findings.ShouldBe([Finding.Overpaid]);
        Single(invoice, Due, Paid("a", 1_000_000, "1"), Paid("b", 300_000, "1")).Findings.ShouldBe([Finding.Overpaid]);
    }

    [Fact]
    public void A_payment_after_the_invoice_was_paid_in_full_is_paid_twice_whatever_order_the_lines_come_in()
    {
        var invoice = Document(1, 1_250_000);
        var first = Paid("b", 1_250_000, "Faktura 1", new LocalDate(2023, 7, 20));
        var second = Paid("a", 1_250_000, "Faktura 1", new LocalDate(2023, 7, 21));

        var reconciled = Single(invoice, Due, second, first);

        reconciled.Findings.ShouldBe([Finding.PaidTwice]);
        reconciled.Payments.Select(p => p.BankLineId).ShouldBe(["b", "a"]);
        reconciled.Standing.OutstandingOre.ShouldBe(-1_250_000);
    }

    [Fact]
    public void Credit_notes_lower_what_is_owed_so_paying_the_original_total_overpays()
    {
        var invoice = Document(1, 1_250_000);
        var creditNote = Document(2, 250_000, DocumentKind.CreditNote, invoice);

        var report = PaymentMatching.Reconcile([invoice, creditNote], [Paid("a", 1_250_000, "Faktura 1")], Due);

        var reconciled = report.Invoices.ShouldHaveSingleItem();
        (reconciled.Standing.CreditedOre, reconciled.Standing.OutstandingOre).ShouldBe((250_000, -250_000));
        reconciled.Findings.ShouldBe([Finding.Overpaid]);
    }

    [Fact]
    public void Payments_naming_no_invoice_or_a_credit_note_are_unknown_references()
    {
        var invoice = Document(1, 1_250_000);
        var creditNote = Document(2, 250_000, DocumentKind.CreditNote, invoice);
        var unknown = Paid("a", 500, "Faktura 99");
        var toCreditNote = Paid("b", 250_000, "Kreditnota 2");

        var report = PaymentMatching.Reconcile([invoice, creditNote], [unknown, toCreditNote], Due);

        report.UnknownReferences.ShouldBe([unknown, toCreditNote]);
        report.Invoices.ShouldHaveSingleItem().Payments.ShouldBeEmpty();
    }

    [Fact]
    public void Only_invoices_issued_and_payments_booked_by_the_date_count()
    {
        var invoice = Document(1, 1_250_000);
        var payment = Paid("a", 1_250_000, "Faktura 1", new LocalDate(2023, 7, 20));

        PaymentMatching.Reconcile([invoice], [payment], Issued.PlusDays(-1)).Invoices.ShouldBeEmpty();
        Single(invoice, new LocalDate(2023, 7, 19), payment).Standing.PaidOre.ShouldBe(0);
        Single(invoice, new LocalDate(2023, 7, 20), payment).Standing.PaidOre.ShouldBe(1_250_000);
    }
}
