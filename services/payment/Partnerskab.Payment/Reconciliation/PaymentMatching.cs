using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using Partnerskab.Payment.Invoicing;

namespace Partnerskab.Payment.Reconciliation;

public enum Finding
{
    /// <summary>Something, but less than is owed, was paid.</summary>
    Underpaid = 1,
    /// <summary>More was paid than is owed (after credit notes), in one payment or in parts.</summary>
    Overpaid = 2,
    /// <summary>A payment came after the invoice had already been paid in full.</summary>
    PaidTwice = 3,
    /// <summary>Past its due date with something still owed.</summary>
    Overdue = 4,
}

/// <summary>
/// Matches an issuer's bank payments to its invoices and says what is wrong, as of a date: only
/// the invoices and credit notes issued and the payments booked by then count.
/// <list type="bullet">
/// <item>A payment pays the invoice whose number its reference names: a run of digits in the
/// reference text equal to an invoice number ("Faktura 17", "INV-0017", "17"). A reference that
/// names no invoice, or several, is an unknown reference; so is one naming a credit note.</item>
/// <item>What an invoice owes is its total less the credit notes issued against it.</item>
/// <item>Payments count in the order they were booked (then by bank line id); a payment that
/// comes when the invoice is already paid in full makes it paid twice.</item>
/// </list>
/// </summary>
public static partial class PaymentMatching
{
    public sealed record ReconciledInvoice(Invoice Invoice, InvoiceStanding Standing, IReadOnlyList<BankPayment> Payments, IReadOnlyList<Finding> Findings);

    public sealed record Report(IReadOnlyList<ReconciledInvoice> Invoices, IReadOnlyList<BankPayment> UnknownReferences);

    /// <param name="documents">Every invoice and credit note of one issuer.</param>
    /// <param name="payments">Every payment on that issuer's statements.</param>
    public static Report Reconcile(IReadOnlyCollection<Invoice> documents, IReadOnlyCollection<BankPayment> payments, LocalDate asOf)
    {
        var issued = documents.Where(d => d.IssueDate <= asOf).ToList();
        var invoices = issued.Where(d => d.Kind == DocumentKind.Invoice).ToDictionary(d => d.Number);
        var creditNotes = issued.Where(d => d.Kind == DocumentKind.CreditNote).ToList();
        var booked = payments.Where(p => p.BookedOn <= asOf)
            .OrderBy(p => p.BookedOn).ThenBy(p => p.BankLineId, StringComparer.Ordinal)
            .Select(p => (Payment: p, Invoice: InvoiceNamedBy(p.Reference, invoices)))
            .ToList();
        var paid = booked.Where(b => b.Invoice is not null).ToLookup(b => b.Invoice!.Id, b => b.Payment);

        var reconciled = invoices.Values.OrderBy(i => i.Number).Select(invoice =>
        {
            var own = paid[invoice.Id].ToList();
            var standing = InvoiceStanding.Of(invoice, creditNotes, own.Select(p => (p.BookedOn, p.AmountOre)), asOf);
            return new ReconciledInvoice(invoice, standing, own, Findings(invoice, standing, own));
        }).ToList();
        return new Report(reconciled, booked.Where(b => b.Invoice is null).Select(b => b.Payment).ToList());
    }

    /// <summary>The invoice a reference names, or null when it names none or several.</summary>
    public static T? InvoiceNamedBy<T>(string reference, IReadOnlyDictionary<long, T> invoicesByNumber) where T : class
    {
        var named = Digits().Matches(reference)
            .Select(m => long.TryParse(m.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0)
            .Where(invoicesByNumber.ContainsKey)
            .Distinct()
            .ToList();
        return named.Count == 1 ? invoicesByNumber[named[0]] : null;
    }

    private static List<Finding> Findings(Invoice invoice, InvoiceStanding standing, IReadOnlyList<BankPayment> payments)
    {
        var owed = invoice.TotalAmountOre - standing.CreditedOre;
        var findings = new List<Finding>();
        long before = 0;
        var paidTwice = false;
        foreach (var payment in payments)
        {
            paidTwice |= before > 0 && before >= owed;
            before += payment.AmountOre;
        }
        if (paidTwice) findings.Add(Finding.PaidTwice);
        else if (standing.PaidOre > owed) findings.Add(Finding.Overpaid);
        if (standing.PaidOre > 0 && standing.PaidOre < owed) findings.Add(Finding.Underpaid);
        if (standing.Status == InvoiceStatus.Overdue) findings.Add(Finding.Overdue);
        return findings;
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
