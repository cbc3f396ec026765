using NodaTime;

namespace Partnerskab.Payment.Invoicing;

public enum InvoiceStatus
{
    /// <summary>Planned by a preview run, not issued.</summary>
    Draft = 1,
    Issued = 2,
    Paid = 3,
    PartlyPaid = 4,
    Overdue = 5,
}

/// <summary>
/// Where an issued document stands on a date, from the credit notes issued against it and the
/// bank payments matched to it by then. What is due is the invoice's total less its credit notes;
/// a document paid in full (or more) is paid, one past its due date with anything outstanding is
/// overdue. A credit note is issued and owes nothing.
/// </summary>
public sealed record InvoiceStanding(InvoiceStatus Status, long CreditedOre, long PaidOre, long OutstandingOre)
{
    public static InvoiceStanding Of(Invoice document, IEnumerable<Invoice> creditNotes, IEnumerable<(LocalDate BookedOn, long AmountOre)> payments,
        LocalDate asOf)
    {
        if (document.Kind == DocumentKind.CreditNote) return new InvoiceStanding(InvoiceStatus.Issued, 0, 0, 0);

        var credited = creditNotes.Where(c => c.CreditedInvoiceId == document.Id && c.IssueDate <= asOf).Sum(c => c.TotalAmountOre);
        var paid = payments.Where(p => p.BookedOn <= asOf).Sum(p => p.AmountOre);
        var outstanding = document.TotalAmountOre - credited - paid;
        var status = outstanding <= 0 ? InvoiceStatus.Paid
            : asOf > document.DueDate ? InvoiceStatus.Overdue
            : paid > 0 ? InvoiceStatus.PartlyPaid
            : InvoiceStatus.Issued;
        return new InvoiceStanding(status, credited, paid, outstanding);
    }
}
