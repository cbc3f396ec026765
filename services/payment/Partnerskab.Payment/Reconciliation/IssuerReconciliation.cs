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
    /// <param name="recordedBefore">As known then: only documents and payments recorded before it; null for now.</param>
    public static async Task<PaymentMatching.Report> ReadAsync(PaymentDbContext db, IReadOnlyCollection<string> issuerCvrs, LocalDate asOf,
        CancellationToken cancellationToken, Instant? recordedBefore = null)
    {
        var documents = await db.Invoices.AsNoTracking()
            .Where(d => issuerCvrs.Contains(d.IssuerCvr) && d.IssueDate <= asOf && (recordedBefore == null || d.CreatedAt < recordedBefore))
            .ToListAsync(cancellationToken);
        var payments = await db.BankPayments.AsNoTracking()
            .Where(p => issuerCvrs.Contains(p.IssuerCvr) && p.BookedOn <= asOf && (recordedBefore == null || p.RecordedAt < recordedBefore))
            .ToListAsync(cancellationToken);
        var reports = issuerCvrs.Select(issuer => PaymentMatching.Reconcile(
            documents.Where(d => d.IssuerCvr == issuer).ToList(), payments.Where(p => p.IssuerCvr == issuer).ToList(), asOf)).ToList();
        return new PaymentMatching.Report([.. reports.SelectMany(r => r.Invoices)], [.. reports.SelectMany(r => r.UnknownReferences)]);
    }
}
