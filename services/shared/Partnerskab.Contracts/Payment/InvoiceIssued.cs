namespace Partnerskab.Contracts.Payment;

/// <summary>The provider invoiced the kommune for a partnership; amounts in øre, Number consecutive per IssuerCvr.</summary>
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
}
