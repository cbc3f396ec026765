using NodaTime;
using Partnerskab.Payment.Invoicing;

namespace Partnerskab.Payment.Tests;

public sealed class InvoiceStandingTests
{
    private static readonly Invoice Invoice = Document(DocumentKind.Invoice, 1_250_000, null);
    private static readonly LocalDate Issued = new(2023, 7, 5);
    private static readonly LocalDate Due = new(2023, 8, 4);

    private static Invoice Document(DocumentKind kind, long totalOre, Guid? credits) => new()
    {
        Id = Guid.NewGuid(),
        Kind = kind,
        IssuerCvr = "12345678",
        IssueDate = new LocalDate(2023, 7, 5),
        DueDate = kind == DocumentKind.Invoice ? new LocalDate(2023, 8, 4) : new LocalDate(2023, 7, 5),
        CreditedInvoiceId = credits,
        SellerName = "", BuyerName = "", BuyerCvr = "", BuyerEan = "", BuyerReference = "", PayeeBankRegistrationNumber = "", PayeeAccountNumber = "",
        TotalAmountOre = totalOre,
    };

    private static InvoiceStanding On(LocalDate asOf, long[] payments, params Invoice[] creditNotes) =>
        InvoiceStanding.Of(Invoice, creditNotes, payments.Select(p => (new LocalDate(2023, 7, 20), p)), asOf);

    [Fact]
    public void Unpaid_before_the_due_date_is_issued_and_after_it_overdue()
    {
        On(Due, []).ShouldBe(new InvoiceStanding(InvoiceStatus.Issued, 0, 0, 1_250_000));
        On(Due.PlusDays(1), []).ShouldBe(new InvoiceStanding(InvoiceStatus.Overdue, 0, 0, 1_250_000));
    }

    [Fact]
    public void Part_paid_is_partly_paid_until_it_falls_due_then_overdue()
    {
        On(Due, [250_000]).ShouldBe(new InvoiceStanding(InvoiceStatus.PartlyPaid, 0, 250_000, 1_000_000));
        On(Due.PlusDays(1), [250_000]).Status.ShouldBe(InvoiceStatus.Overdue);
    }

    [Fact]
    public void Paid_in_full_or_more_is_paid_and_overpaid_shows_as_negative_outstanding()
    {
        On(Due.PlusDays(30), [1_000_000, 250_000]).ShouldBe(new InvoiceStanding(InvoiceStatus.Paid, 0, 1_250_000, 0));
        On(Due, [1_250_000, 1_250_000]).ShouldBe(new InvoiceStanding(InvoiceStatus.Paid, 0, 2_500_000, -1_250_000));
    }

    [Fact]
    public void Payments_booked_after_the_date_asked_about_do_not_count_yet()
    {
        On(new LocalDate(2023, 7, 19), [1_250_000]).ShouldBe(new InvoiceStanding(InvoiceStatus.Issued, 0, 0, 1_250_000));
    }

    [Fact]
    public void Credit_notes_against_the_invoice_reduce_what_is_owed_and_a_full_credit_settles_it()
    {
        var part = Document(DocumentKind.CreditNote, 250_000, Invoice.Id);
        var rest = Document(DocumentKind.CreditNote, 1_000_000, Invoice.Id);
        var other = Document(DocumentKind.CreditNote, 999, Guid.NewGuid());

        On(Issued, [], part, other).ShouldBe(new InvoiceStanding(InvoiceStatus.Issued, 250_000, 0, 1_000_000));
        On(Due.PlusDays(90), [], part, rest).ShouldBe(new InvoiceStanding(InvoiceStatus.Paid, 1_250_000, 0, 0));
        On(Issued.PlusDays(-1), [], part).CreditedOre.ShouldBe(0);
    }

    [Fact]
    public void A_credit_note_owes_nothing()
    {
        var note = Document(DocumentKind.CreditNote, 250_000, Invoice.Id);
        InvoiceStanding.Of(note, [], [], Due.PlusDays(100)).ShouldBe(new InvoiceStanding(InvoiceStatus.Issued, 0, 0, 0));
    }
}
