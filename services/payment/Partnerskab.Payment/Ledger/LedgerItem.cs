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
/// cause key}") that is unique per payer, so no cause is ever booked twice. The amount is the original amount
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
    /// <summary>
    /// Who pays it: a payer of the rate card that split the price ("" when the kommune pays it
    /// alone). A split cause has one item per payer under one cause key; a credit takes back each.
    /// </summary>
    public string PayerId { get; set; } = "";
    /// <summary>
    /// The item that stands for its cause when causes are counted (citizens handed over, milestones
    /// reached): the only one, or of a split price the remainder payer's.
    /// </summary>
    public bool Lead { get; set; } = true;
    public Guid? CauseMessageId { get; set; }
    /// <summary>The day the item is about: earned, or for a credit the day the corrected facts say the credited item stopped being due.</summary>
    public LocalDate EarnedOn { get; set; }
    /// <summary>
    /// The day the item counts in the accounts, fixed when it is recorded: its own day (for a
    /// credit, the day it was learnt), or the first day of the first open period when that day's
    /// period was closed then (<see cref="Periods.BookingCalendar"/>). Invoice runs go by it.
    /// </summary>
    public LocalDate BookedOn { get; set; }
    /// <summary>Its own day's period was closed when it was recorded, so it is booked in the first open period.</summary>
    public bool BookedAfterClosedPeriod { get; set; }
    public int? RateCardVersion { get; set; }
    /// <summary>
    /// Earned while no rate card version priced it, so booked at 0; once one covering its day has a
    /// price, an item of its own ("priced:{cause key}") books that price (<see cref="PriceUnpricedItems"/>).
    /// </summary>
    public bool Unpriced { get; set; }
    public required string PricingNote { get; set; }
    public Instant RecordedAt { get; set; }
    /// <summary>For a credit of a revoked milestone: the fact that revoked it, when the revocation named it.</summary>
    public string? CorrectionKind { get; set; }
    public string? CorrectionReference { get; set; }
    public string? CorrectionReportedBy { get; set; }
    public Instant? CorrectionKnownAt { get; set; }
}

/// <summary>
/// What a credit corrects: the day the corrected facts say the credited item stopped being due,
/// and the fact that says so (what kind, which one, reported by whom, known when), when the
/// revocation names it.
/// </summary>
public sealed record Correction(LocalDate EffectiveOn, string? Kind = null, string? Reference = null, string? ReportedBy = null, Instant? KnownAt = null);
