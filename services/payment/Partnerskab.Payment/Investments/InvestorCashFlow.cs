using NodaTime;

namespace Partnerskab.Payment.Investments;

public enum CashFlowKind
{
    /// <summary>Capital the investor commits; no money moves.</summary>
    Commitment = 1,
    /// <summary>Capital the investor pays to the provider.</summary>
    Drawdown = 2,
    /// <summary>Capital paid back to the investor.</summary>
    Repayment = 3,
    /// <summary>Money paid to the investor beyond its capital.</summary>
    Return = 4,
    /// <summary>An outcome payment passed through to the investor (<see cref="OutcomePassThrough"/>): derived, never recorded by hand.</summary>
    OutcomePayment = 5,
}

/// <summary>
/// One dated movement between the investor and the partnership, as finance recorded it or as a
/// payment of an invoice passed it through to the investor. Never
/// changed or deleted (a database trigger refuses it): a correction is a record of its own.
/// </summary>
public sealed class InvestorCashFlow
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public CashFlowKind Kind { get; set; }
    public LocalDate OccurredOn { get; set; }
    /// <summary>Positive whole øre; the kind says which way the money went.</summary>
    public long AmountOre { get; set; }
    /// <summary>Finance's reference of the movement (or "payment:{id}" of the payment passed through), unique per partnership: recording it again records nothing.</summary>
    public required string Reference { get; set; }
    public required string Note { get; set; }
    public Instant RecordedAt { get; set; }
    public required string RecordedBy { get; set; }

    /// <summary>The money as the investor sees it: paid out negative, received positive, a commitment nothing.</summary>
    public long InvestorCashOre => Kind switch
    {
        CashFlowKind.Drawdown => -AmountOre,
        CashFlowKind.Repayment or CashFlowKind.Return or CashFlowKind.OutcomePayment => AmountOre,
        _ => 0,
    };

    public bool SameMovementAs(InvestorCashFlow other) =>
        (Kind, OccurredOn, AmountOre, Reference, Note) == (other.Kind, other.OccurredOn, other.AmountOre, other.Reference, other.Note);
}
