namespace Partnerskab.Payment.Ledger;

/// <summary>
/// The sum of a partnership's ledger items earned in one calendar year, kept by a trigger on
/// every insert into the ledger (which is append-only), so the caps read what is booked without
/// summing the whole ledger for every item.
/// </summary>
public sealed class LedgerYearTotal
{
    public Guid PartnershipId { get; set; }
    public int Year { get; set; }
    public long AmountOre { get; set; }
}
