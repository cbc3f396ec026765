using NodaTime;

namespace Partnerskab.Payment.Ledger;

public enum LedgerItemKind
{
    HandoverFee = 1,
    Milestone = 2,
}

/// <summary>
/// An append-only record of something payable, with its cause: the event it came from and a
/// cause key ("milestone:{id}", "handover:{partnership}:{citizen}") that is unique, so no cause
/// is ever paid twice.
/// </summary>
public sealed class LedgerItem
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public required string CitizenId { get; set; }
    public LedgerItemKind Kind { get; set; }
    public string? MilestoneCode { get; set; }
    public required string CauseKey { get; set; }
    public Guid CauseMessageId { get; set; }
    public LocalDate EarnedOn { get; set; }
    public long AmountOre { get; set; }
    public int? RateCardVersion { get; set; }
    public required string PricingNote { get; set; }
    public Instant RecordedAt { get; set; }
}
