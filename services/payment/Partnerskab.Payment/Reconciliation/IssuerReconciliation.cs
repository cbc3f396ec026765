using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Persistence;

namespace Partnerskab.Payment.Reconciliation;

/// <summary>
/// Reads the issuers' invoices, credit notes and payments dated by a date and matches them
/// (<see cref="PaymentMatching"/>): for the reconciliation itself, and for where each invoice
/// stands in invoice lists and the cost report.
/// </summary>
public static class IssuerReconciliation
{
    public static async Task<PaymentMatching.Report> ReadAsync(PaymentDbContext db, IReadOnlyCollection<string> issuerCvrs, LocalDate asOf,
        CancellationToken cancellationToken)
    {
        var documents = await db.Invoices.AsNoTracking()
            .Where(d => issuerCvrs.Contains(d.IssuerCvr) && d.IssueDate <= asOf)
            .ToListAsync(cancellationToken);
        var payments = await db.BankPayments.AsNoTracking()
            .Where(p => issuerCvrs.Contains(p.IssuerCvr) && p.BookedOn <= asOf)
            .ToListAsync(cancellationToken);
        var reports = issuerCvrs.Select(issuer => PaymentMatching.Reconcile(
            documents.Where(d => d.IssuerCvr == issuer).ToList(), payments.Where(p => p.IssuerCvr == issuer).ToList(), asOf)).ToList();
        return new PaymentMatching.Report([.. reports.SelectMany(r => r.Invoices)], [.. reports.SelectMany(r => r.UnknownReferences)]);
    }
}
