using NodaTime;
using Partnerskab.Payment.Persistence;
using Partnerskab.Payment.Reconciliation;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Audit;

namespace Partnerskab.Payment.Invoicing;

/// <summary>Invoices and credit notes as the API shows them, for the RPCs that answer with documents.</summary>
public static class InvoiceDocuments
{
    /// <summary>Tells the audit log which citizens the documents' lines name (by pseudonym).</summary>
    public static void AuditCitizens(Guid partnershipId, IEnumerable<Invoice> documents) =>
        AuditCall.Citizens(partnershipId, documents.SelectMany(d => d.Lines).Where(l => l.CitizenId is not null).Select(l => l.CitizenId!));

    /// <summary>Documents with where each stood on a date (credit notes and payments by then).</summary>
    public static async Task<IEnumerable<Protos.Payment.V1.Invoice>> WithStandingsAsync(PaymentDbContext db, IReadOnlyList<Invoice> documents,
        LocalDate asOf, CancellationToken cancellationToken)
    {
        var report = await IssuerReconciliation.ReadAsync(db, documents.Select(d => d.IssuerCvr).Distinct().ToList(), asOf, cancellationToken);
        var standings = report.Invoices.ToDictionary(r => r.Invoice.Id, r => r.Standing);
        return documents.Select(d => ToProto(d, standings.GetValueOrDefault(d.Id) ?? InvoiceStanding.Of(d, [], [], asOf)));
    }

    /// <param name="standing">Where the document stands; null for a draft of a preview run.</param>
    public static Protos.Payment.V1.Invoice ToProto(Invoice document, InvoiceStanding? standing) => new()
    {
        InvoiceId = document.Id.ToString(),
        PartnershipId = document.PartnershipId.ToString(),
        Kind = document.Kind == DocumentKind.Invoice ? Protos.Payment.V1.DocumentKind.Invoice : Protos.Payment.V1.DocumentKind.CreditNote,
        Number = document.Number,
        IssuerCvr = document.IssuerCvr,
        PeriodStart = document.PeriodStart.ToProto(),
        PeriodEnd = document.PeriodEnd.ToProto(),
        IssueDate = document.IssueDate.ToProto(),
        DueDate = document.DueDate.ToProto(),
        CreditedInvoiceId = document.CreditedInvoiceId?.ToString() ?? "",
        CreditedInvoiceNumber = document.CreditedInvoiceNumber ?? 0,
        SellerName = document.SellerName,
        PayerId = document.PayerId,
        BuyerName = document.BuyerName,
        BuyerCvr = document.BuyerCvr,
        BuyerEan = document.BuyerEan,
        BuyerReference = document.BuyerReference,
        VatRateBasisPoints = document.VatRateBasisPoints,
        NetAmountOre = document.NetAmountOre,
        VatAmountOre = document.VatAmountOre,
        TotalAmountOre = document.TotalAmountOre,
        Lines = { document.Lines.OrderBy(l => l.LineNumber).Select(ToProto) },
        Status = (Protos.Payment.V1.InvoiceStatus)(int)(standing?.Status ?? InvoiceStatus.Draft),
        CreditedOre = standing?.CreditedOre ?? 0,
        PaidOre = standing?.PaidOre ?? 0,
        OutstandingOre = standing?.OutstandingOre ?? 0,
    };

    private static Protos.Payment.V1.InvoiceLine ToProto(InvoiceLine line) => new()
    {
        LineNumber = line.LineNumber,
        LedgerItemId = line.LedgerItemId.ToString(),
        Description = line.Description,
        CitizenId = line.CitizenId ?? "",
        EarnedOn = line.EarnedOn.ToProto(),
        Quantity = line.Quantity,
        UnitPriceOre = line.UnitPriceOre,
        AllowanceOre = line.AllowanceOre,
        AllowanceReason = line.AllowanceReason ?? "",
        NetAmountOre = line.NetAmountOre,
    };
}
