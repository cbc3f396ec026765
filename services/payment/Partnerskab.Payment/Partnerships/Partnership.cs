using NodaTime;

namespace Partnerskab.Payment.Partnerships;

/// <summary>
/// The payment service's read model of a partnership agreement, kept from the cohort service's
/// events: the parties an invoice names, and the contract period that periodic fees run over.
/// </summary>
public sealed class Partnership
{
    public Guid PartnershipId { get; set; }
    /// <summary>The agreement version the parties come from (1 is the registration).</summary>
    public int Version { get; set; }
    /// <summary>The kommune's reference of the agreement, the buyer reference on invoices; null until the registration arrives.</summary>
    public string? Reference { get; set; }
    public required string Name { get; set; }
    public required string KommuneName { get; set; }
    public required string KommuneCvr { get; set; }
    public required string KommuneEan { get; set; }
    public required string ProviderName { get; set; }
    public required string ProviderCvr { get; set; }
    public LocalDate ContractStart { get; set; }
    public LocalDate ContractEnd { get; set; }
    /// <summary>How long each citizen is followed after the handover; outcomes, and the invoices for them, run on after the contract's end.</summary>
    public int FollowUpMonths { get; set; }
    public Instant UpdatedAt { get; set; }

    /// <summary>The last day a citizen handed over on the contract's last day is followed: nothing is earned, or invoiced, for later.</summary>
    public LocalDate LastFollowUpDay => ContractEnd.PlusMonths(FollowUpMonths);
}
