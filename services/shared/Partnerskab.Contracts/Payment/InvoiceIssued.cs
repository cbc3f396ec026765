namespace Partnerskab.Contracts.Payment;

/// <summary>The provider invoiced a payer (the kommune, or a payer beside it) for a partnership; amounts in øre, Number consecutive per IssuerCvr.</summary>
public sealed record InvoiceIssued
{
    public required Guid InvoiceId { get; init; }
    public required Guid PartnershipId { get; init; }
    public required string IssuerCvr { get; init; }
    public required long Number { get; init; }
    public required DateOnly IssueDate { get; init; }
    public required DateOnly DueDate { get; init; }
    public required long NetAmountOre { get; init; }
    public required long VatAmountOre { get; init; }
    public required long TotalAmountOre { get; init; }
    /// <summary>The payer the document bills (a payer of the rate card); "" for the kommune paying alone, and in events of before payers.</summary>
    public string PayerId { get; init; } = "";
}
