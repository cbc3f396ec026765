using NodaTime;

namespace Partnerskab.Payment.Invoicing;

public enum DocumentKind
{
    Invoice = 1,
    CreditNote = 2,
}

/// <summary>
/// An issued invoice or credit note. Everything it says is fixed when it is issued (parties,
/// account, VAT rate, lines, totals) and never changes; whether it is paid is derived from the
/// bank payments matched to it. A credit note's amounts are positive, like its lines.
/// </summary>
public sealed class Invoice
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid RunId { get; set; }
    public DocumentKind Kind { get; set; }
    /// <summary>Consecutive per issuer, shared by invoices and credit notes, without gaps.</summary>
    public long Number { get; set; }
    public required string IssuerCvr { get; set; }
    public LocalDate PeriodStart { get; set; }
    public LocalDate PeriodEnd { get; set; }
    public LocalDate IssueDate { get; set; }
    public LocalDate DueDate { get; set; }
    public Guid? CreditedInvoiceId { get; set; }
    public long? CreditedInvoiceNumber { get; set; }
    public LocalDate? CreditedInvoiceIssueDate { get; set; }
    public required string SellerName { get; set; }
    /// <summary>The payer it bills (a payer of the rate card, "" for the kommune paying alone); the buyer is that payer.</summary>
    public string PayerId { get; set; } = "";
    public required string BuyerName { get; set; }
    public required string BuyerCvr { get; set; }
    public required string BuyerEan { get; set; }
    public required string BuyerReference { get; set; }
    public required string PayeeBankRegistrationNumber { get; set; }
    public required string PayeeAccountNumber { get; set; }
    public int VatRateBasisPoints { get; set; }
    public int PaymentTermsDays { get; set; }
    public long NetAmountOre { get; set; }
    public long VatAmountOre { get; set; }
    public long TotalAmountOre { get; set; }
    public List<InvoiceLine> Lines { get; set; } = [];
    public Instant CreatedAt { get; set; }

    /// <summary>
    /// The reference a payment of this document quotes (BT-83): its number. Bank statements are
    /// read per issuer, so the number alone identifies the document.
    /// </summary>
    public string PaymentReference => Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// One ledger item on a document. A capped item shows its full price and the cap as a line
/// allowance, so quantity × price − allowance is the line's net amount (PEPPOL-EN16931-R120).
/// </summary>
public sealed record InvoiceLine(
    int LineNumber, Guid LedgerItemId, string Description, string? CitizenId, LocalDate EarnedOn,
    int Quantity, long UnitPriceOre, long AllowanceOre, string? AllowanceReason, long NetAmountOre);

/// <summary>One invoice run per partnership and invoicing period; running it again answers with what it made.</summary>
public sealed class InvoiceRun
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public LocalDate PeriodStart { get; set; }
    public LocalDate PeriodEnd { get; set; }
    public LocalDate IssueDate { get; set; }
    public Instant CreatedAt { get; set; }
}

/// <summary>The last number an issuer (the provider, by CVR) has used; row-locked while a run numbers its documents.</summary>
public sealed class InvoiceNumberSeries
{
    public required string IssuerCvr { get; set; }
    public long LastNumber { get; set; }
}
