using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Contracts.Payment;
using Partnerskab.Messaging.Outbox;
using Partnerskab.Payment.Ledger;
using Partnerskab.Payment.Partnerships;
using Partnerskab.Payment.Persistence;
using Partnerskab.Payment.RateCards;

namespace Partnerskab.Payment.Invoicing;

/// <summary>
/// One invoice run on the caller's transaction, which holds the partnership's lock: books the
/// periodic fees due by the end of the period, plans the documents over the uninvoiced ledger
/// (per payer) and, unless it is a preview, issues them with numbers from the issuer's series and
/// puts their events in the outbox. A preview saves nothing. Every payer's documents take their
/// numbers from the one series of the issuer: the provider issues them all, and its invoices must
/// be numbered in one unbroken sequence for its books (and a payment's reference, the number,
/// names one document of the issuer).
/// </summary>
public static class InvoiceRuns
{
    /// <summary>What a run invoices under: the parties, the rate card in force when the period starts, and the period.</summary>
    public sealed record Terms(Partnership Partnership, RateCard Card, IReadOnlyCollection<RateCard> Versions, InvoicingPeriod Period,
        LocalDate IssueDate);

    public static async Task<IReadOnlyList<Invoice>> RunAsync(PaymentDbContext db, Terms terms, bool preview, Instant now,
        CancellationToken cancellationToken)
    {
        var partnership = terms.Partnership;
        var fees = PeriodicFees.Due(terms.Versions, partnership.ContractStart, partnership.ContractEnd, terms.Period.End).ToList();
        var capped = LedgerBook.HasCaps(terms.Versions);
        var ledger = await LedgerStore.ReadAsync(db,
            fees.Select(f => new LedgerCause(partnership.PartnershipId, null, f.CauseKey(partnership.PartnershipId), capped)).ToList(), cancellationToken);
        foreach (var fee in fees)
        {
            LedgerBook.Earn(ledger, new Earning(partnership.PartnershipId, null, LedgerItemKind.PeriodicFee, fee.Fee.Code,
                fee.CauseKey(partnership.PartnershipId), fee.EarnedOn, fee.Card, fee.Priced), null, now);
        }

        var uninvoiced = await db.Ledger.AsNoTracking()
            .Where(i => i.PartnershipId == partnership.PartnershipId && !db.Invoices.SelectMany(d => d.Lines).Any(l => l.LedgerItemId == i.Id))
            .ToListAsync(cancellationToken);
        // Saved with the run's documents, whose lines refer to them.
        db.Ledger.AddRange(ledger.Added);
        uninvoiced.AddRange(ledger.Added);
        var planned = InvoicePlan.Plan(uninvoiced, await InvoicedAsync(db, uninvoiced, cancellationToken), terms.Period.End,
            terms.Card.VatRateBasisPoints);

        var run = new InvoiceRun
        {
            Id = Guid.CreateVersion7(),
            PartnershipId = partnership.PartnershipId,
            PeriodStart = terms.Period.Start,
            PeriodEnd = terms.Period.End,
            IssueDate = terms.IssueDate,
            CreatedAt = now,
        };
        var documents = planned.Select(d => Draft(d, terms, run.Id, now)).ToList();
        if (preview) return documents;

        db.InvoiceRuns.Add(run);
        if (documents.Count > 0)
        {
            // Taken last, so the issuer's row is locked only while this run's documents are saved.
            var series = await LockNumberSeriesAsync(db, partnership.ProviderCvr, cancellationToken);
            foreach (var document in documents)
            {
                document.Number = ++series.LastNumber;
                db.Invoices.Add(document);
                AddEvent(db, document, now);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return documents;
    }

    /// <summary>
    /// The issuer's number series, row-locked until the caller's transaction ends: a run that
    /// rolls back gives its numbers back, and concurrent runs of the issuer take turns.
    /// </summary>
    private static async Task<InvoiceNumberSeries> LockNumberSeriesAsync(PaymentDbContext db, string issuerCvr, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO invoice_number_series (issuer_cvr, last_number) VALUES ({issuerCvr}, 0) ON CONFLICT DO NOTHING", cancellationToken);
        return await db.InvoiceNumberSeries
            .FromSql($"SELECT * FROM invoice_number_series WHERE issuer_cvr = {issuerCvr} FOR UPDATE")
            .SingleAsync(cancellationToken);
    }

    /// <summary>For every credited item among <paramref name="uninvoiced"/>, the issued invoice it is on, if any.</summary>
    private static async Task<Dictionary<Guid, InvoicePlan.InvoicedOn>> InvoicedAsync(PaymentDbContext db, List<LedgerItem> uninvoiced,
        CancellationToken cancellationToken)
    {
        var credited = uninvoiced.Where(i => i.CreditsItemId is not null).Select(i => i.CreditsItemId!.Value).ToList();
        if (credited.Count == 0) return [];
        var invoices = await db.Invoices.AsNoTracking()
            .Where(d => d.Kind == DocumentKind.Invoice && d.Lines.Any(l => credited.Contains(l.LedgerItemId)))
            .ToListAsync(cancellationToken);
        return invoices
            .SelectMany(d => d.Lines.Where(l => credited.Contains(l.LedgerItemId))
                .Select(l => (l.LedgerItemId, On: new InvoicePlan.InvoicedOn(d.Id, d.Number, d.IssueDate, d.VatRateBasisPoints))))
            .ToDictionary(x => x.LedgerItemId, x => x.On);
    }

    private static Invoice Draft(InvoicePlan.Document planned, Terms terms, Guid runId, Instant now)
    {
        var (partnership, card) = (terms.Partnership, terms.Card);
        var isInvoice = planned.Kind == DocumentKind.Invoice;
        var buyer = InvoiceBuyer.Of(partnership, terms.Versions, planned.PayerId, terms.Period.End);
        return new Invoice
        {
            Id = Guid.CreateVersion7(),
            PartnershipId = partnership.PartnershipId,
            RunId = runId,
            Kind = planned.Kind,
            IssuerCvr = partnership.ProviderCvr,
            PeriodStart = terms.Period.Start,
            PeriodEnd = terms.Period.End,
            IssueDate = terms.IssueDate,
            // A credit note owes nothing, so it is due when issued.
            DueDate = isInvoice ? terms.IssueDate.PlusDays(card.PaymentTermsDays) : terms.IssueDate,
            CreditedInvoiceId = planned.CreditedInvoice?.InvoiceId,
            CreditedInvoiceNumber = planned.CreditedInvoice?.Number,
            CreditedInvoiceIssueDate = planned.CreditedInvoice?.IssueDate,
            SellerName = partnership.ProviderName,
            PayerId = planned.PayerId,
            BuyerName = buyer.Name,
            BuyerCvr = buyer.Cvr,
            BuyerEan = buyer.Ean,
            BuyerReference = partnership.Reference!,
            PayeeBankRegistrationNumber = card.PayeeBankRegistrationNumber!,
            PayeeAccountNumber = card.PayeeAccountNumber!,
            VatRateBasisPoints = planned.VatRateBasisPoints,
            PaymentTermsDays = isInvoice ? card.PaymentTermsDays : 0,
            NetAmountOre = planned.NetAmountOre,
            VatAmountOre = planned.VatAmountOre,
            TotalAmountOre = planned.TotalAmountOre,
            Lines = [.. planned.Lines],
            CreatedAt = now,
        };
    }

    private static void AddEvent(PaymentDbContext db, Invoice document, Instant now)
    {
        if (document.Kind == DocumentKind.Invoice)
        {
            db.AddToOutbox(new InvoiceIssued
            {
                InvoiceId = document.Id, PartnershipId = document.PartnershipId, IssuerCvr = document.IssuerCvr, Number = document.Number,
                IssueDate = document.IssueDate.ToDateOnly(), DueDate = document.DueDate.ToDateOnly(),
                NetAmountOre = document.NetAmountOre, VatAmountOre = document.VatAmountOre, TotalAmountOre = document.TotalAmountOre,
                PayerId = document.PayerId,
            }, now);
            return;
        }
        db.AddToOutbox(new CreditNoteIssued
        {
            CreditNoteId = document.Id, PartnershipId = document.PartnershipId, IssuerCvr = document.IssuerCvr, Number = document.Number,
            CreditedInvoiceId = document.CreditedInvoiceId!.Value, CreditedInvoiceNumber = document.CreditedInvoiceNumber!.Value,
            IssueDate = document.IssueDate.ToDateOnly(),
            NetAmountOre = document.NetAmountOre, VatAmountOre = document.VatAmountOre, TotalAmountOre = document.TotalAmountOre,
            PayerId = document.PayerId,
        }, now);
    }
}
