namespace Partnerskab.Contracts.Payment;

/// <summary>
/// The provider credited (part of) an invoice, e.g. for a revoked milestone; amounts in øre and
/// positive, Number consecutive per IssuerCvr in the same series as invoices.
/// </summary>
public sealed record CreditNoteIssued
{
    public required Guid CreditNoteId { get; init; }
    public required Guid PartnershipId { get; init; }
    public required string IssuerCvr { get; init; }
    public required long Number { get; init; }
    public required Guid CreditedInvoiceId { get; init; }
    public required long CreditedInvoiceNumber { get; init; }
    public required DateOnly IssueDate { get; init; }
    public required long NetAmountOre { get; init; }
    public required long VatAmountOre { get; init; }
    public required long TotalAmountOre { get; init; }
    /// <summary>The payer the document bills (a payer of the rate card); "" for the kommune paying alone, and in events of before payers.</summary>
    public string PayerId { get; init; } = "";
}
