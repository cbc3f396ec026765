using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Invoicing;
using Partnerskab.Payment.Ledger;
using Partnerskab.Payment.Persistence;
using Partnerskab.Payment.Reconciliation;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Payment.Investments;

/// <summary>
/// Records, on the caller's transaction, the investor's cash flows the issuer's payments pass
/// through (<see cref="OutcomePassThrough"/>) and are not recorded yet. Each fact that can make a
/// payment pass something through calls it: a payment recorded, an invoice issued that an earlier
/// payment names, a rate card version with a share. So what is passed through does not depend on
/// the order these facts arrive in, and a payment passes through once.
/// </summary>
public static class PassThroughRecords
{
    public static async Task AddAsync(PaymentDbContext db, string issuerCvr, string recordedBy, Instant now, CancellationToken cancellationToken)
    {
        var partnerships = db.Partnerships.Where(p => p.ProviderCvr == issuerCvr).Select(p => p.PartnershipId);
        var versions = await db.RateCards.AsNoTracking()
            .Where(c => partnerships.Contains(c.PartnershipId))
            .Select(c => new OutcomePassThrough.ShareFrom(c.PartnershipId, c.EffectiveFrom, c.InvestorPassThroughBasisPoints))
            .ToListAsync(cancellationToken);
        if (versions.All(v => v.ShareBasisPoints == 0)) return;

        // Recording payments holds this lock already; the other callers take it so that two never pass one payment through at once.
        await AdvisoryLocks.LockAsync(db, $"payments:{issuerCvr}", cancellationToken);
        var invoices = await db.Invoices.AsNoTracking()
            .Where(d => d.IssuerCvr == issuerCvr && d.Kind == DocumentKind.Invoice)
            .Select(d => new { d.Id, d.PartnershipId, d.Number, d.TotalAmountOre })
            .ToDictionaryAsync(d => d.Number, cancellationToken);
        var payments = await db.BankPayments.AsNoTracking().Where(p => p.IssuerCvr == issuerCvr).ToListAsync(cancellationToken);
        var passing = versions.Where(v => v.ShareBasisPoints > 0).Select(v => v.PartnershipId).ToHashSet();
        var matched = payments
            .Select(p => (Payment: p, Invoice: PaymentMatching.InvoiceNamedBy(p.Reference, invoices)))
            .Where(m => m.Invoice is not null && passing.Contains(m.Invoice.PartnershipId))
            .ToList();
        if (matched.Count == 0) return;

        var partnershipOf = matched.ToDictionary(m => OutcomePassThrough.Reference(m.Payment), m => m.Invoice!.PartnershipId, StringComparer.Ordinal);
        var references = partnershipOf.Keys.ToList();
        var passedThrough = (await db.InvestorCashFlows.AsNoTracking()
            .Where(c => references.Contains(c.Reference))
            .Select(c => new { c.PartnershipId, c.Reference }).ToListAsync(cancellationToken))
            .Where(c => partnershipOf[c.Reference] == c.PartnershipId).Select(c => c.Reference).ToHashSet(StringComparer.Ordinal);
        var paid = matched.Where(m => !passedThrough.Contains(OutcomePassThrough.Reference(m.Payment))).Select(m => m.Invoice!.Id).Distinct().ToList();
        var outcomeNet = await OutcomeNetAsync(db, paid, cancellationToken);
        var due = OutcomePassThrough.Of(
            matched.Select(m => (m.Payment, new OutcomePassThrough.PaidInvoice(m.Invoice!.Id, m.Invoice.PartnershipId, m.Invoice.Number, m.Invoice.TotalAmountOre,
                outcomeNet.GetValueOrDefault(m.Invoice.Id)))),
            versions, passedThrough);
        db.InvestorCashFlows.AddRange(due.Select(d => OutcomePassThrough.CashFlow(d, now, recordedBy)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The net amount of each invoice's milestone lines: what it bills for outcomes.</summary>
    private static async Task<Dictionary<Guid, long>> OutcomeNetAsync(PaymentDbContext db, List<Guid> invoiceIds, CancellationToken cancellationToken)
    {
        if (invoiceIds.Count == 0) return [];
        var lines = await db.Invoices.AsNoTracking()
            .Where(d => invoiceIds.Contains(d.Id))
            .SelectMany(d => d.Lines.Select(l => new { InvoiceId = d.Id, l.LedgerItemId, l.NetAmountOre }))
            .ToListAsync(cancellationToken);
        var itemIds = lines.Select(l => l.LedgerItemId).ToList();
        var milestones = (await db.Ledger.AsNoTracking()
            .Where(i => itemIds.Contains(i.Id) && i.Kind == LedgerItemKind.Milestone)
            .Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();
        return lines.Where(l => milestones.Contains(l.LedgerItemId)).GroupBy(l => l.InvoiceId).ToDictionary(g => g.Key, g => g.Sum(l => l.NetAmountOre));
    }
}
