using NodaTime;
using Partnerskab.Payment.Ledger;

namespace Partnerskab.Payment.Costs;

/// <summary>
/// A partnership's ledger items earned on one day and booked on one day, of one kind, summed by a trigger on every
/// insert into the ledger (which is append-only), so the cost report reads a row per day and kind
/// instead of every item.
/// </summary>
public sealed class LedgerDayTotal
{
    public Guid PartnershipId { get; set; }
    public LocalDate EarnedOn { get; set; }
    /// <summary>The day the items were booked on (<see cref="LedgerItem.BookedOn"/>).</summary>
    public LocalDate BookedOn { get; set; }
    public LedgerItemKind Kind { get; set; }
    /// <summary>Whose items they are (<see cref="LedgerItem.PayerId"/>).</summary>
    public string PayerId { get; set; } = "";
    /// <summary>For credits, the kind of the item taken back (a revoked milestone is no outcome); for other items, their own kind.</summary>
    public LedgerItemKind CreditedKind { get; set; }
    public long AmountOre { get; set; }
    public int Items { get; set; }
    /// <summary>
    /// Of the items, those that book a cause of their own: not the price booked later for an item
    /// earned unpriced, nor the credit of that price, which are the same handover or milestone again,
    /// nor the items of a split price's payers but the lead (<see cref="LedgerItem.Lead"/>).
    /// </summary>
    public int Causes { get; set; }
}

/// <summary>
/// The partnership's ledger items on its invoices and credit notes issued on one day, summed per
/// day earned and booked by a trigger on every insert of document lines (which never change), so what is
/// earned but not invoiced by a date is what is earned less these.
/// </summary>
public sealed class DocumentedDayTotal
{
    public Guid PartnershipId { get; set; }
    public LocalDate IssueDate { get; set; }
    public LocalDate EarnedOn { get; set; }
    public LocalDate BookedOn { get; set; }
    /// <summary>Whose items they are (<see cref="LedgerItem.PayerId"/>).</summary>
    public string PayerId { get; set; } = "";
    public long AmountOre { get; set; }
}
