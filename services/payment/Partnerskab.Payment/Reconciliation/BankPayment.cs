using NodaTime;

namespace Partnerskab.Payment.Reconciliation;

/// <summary>
/// A credit line of the issuer's bank statement as finance recorded it, once per bank line id.
/// Which invoice it pays is derived from its reference whenever it is asked, so a report for a
/// past date sees only the invoices and payments of that date.
/// </summary>
public sealed class BankPayment
{
    public Guid Id { get; set; }
    /// <summary>The CVR number of the issuer whose account received the payment: the provider.</summary>
    public required string IssuerCvr { get; set; }
    /// <summary>The bank's id of the statement line; recording it again changes nothing.</summary>
    public required string BankLineId { get; set; }
    public long AmountOre { get; set; }
    public LocalDate BookedOn { get; set; }
    /// <summary>The payer's reference text as the statement shows it.</summary>
    public required string Reference { get; set; }
    public Instant RecordedAt { get; set; }

    public bool SameLineAs(BankPayment other) =>
        (AmountOre, BookedOn, Reference) == (other.AmountOre, other.BookedOn, other.Reference);
}
