using NodaTime;

namespace Partnerskab.Payment.Ledger;

public enum LedgerItemKind
{
    HandoverFee = 1,
    Milestone = 2,
    DeliverableFee = 3,
    PeriodicFee = 4,
    /// <summary>Takes back an earlier item (<see cref="LedgerItem.CreditsItemId"/>) with the opposite amount.</summary>
    Credit = 5,
}

/// <summary>
/// An append-only record of something payable or credited, with its cause: the event it came
/// from (its message id; none for periodic fees, which the contract calendar causes) and a cause
/// key ("milestone:{id}", "handover:{partnership}:{citizen}", "deliverable:{id}",
/// "periodic:{partnership}:{code}:{date}", "credit:{credited cause key}", "priced:{unpriced item's
/// cause key}") that is unique, so no cause is ever booked twice. The amount is the original amount
/// after caps; both stay visible.
/// </summary>
public sealed class LedgerItem
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    /// <summary>The citizen's pseudonym, for handover fees, milestones and their credits.</summary>
    public string? CitizenId { get; set; }
    public LedgerItemKind Kind { get; set; }
    /// <summary>The milestone code, deliverable kind or periodic fee code (of the credited item, for a credit).</summary>
    public string? Code { get; set; }
    public int Quantity { get; set; } = 1;
    public long UnitPriceOre { get; set; }
    /// <summary>Quantity × unit price before caps (for a credit: minus the credited item's booked amount).</summary>
    public long OriginalAmountOre { get; set; }
    /// <summary>What is payable (negative for a credit).</summary>
    public long AmountOre { get; set; }
    public CapKind CappedBy { get; set; }
    public Guid? CreditsItemId { get; set; }
    public required string CauseKey { get; set; }
    public Guid? CauseMessageId { get; set; }
    public LocalDate EarnedOn { get; set; }
    public int? RateCardVersion { get; set; }
    /// <summary>
    /// Earned while no rate card version priced it, so booked at 0; once one covering its day has a
    /// price, an item of its own ("priced:{cause key}") books that price (<see cref="PriceUnpricedItems"/>).
    /// </summary>
    public bool Unpriced { get; set; }
    public required string PricingNote { get; set; }
    public Instant RecordedAt { get; set; }
}
