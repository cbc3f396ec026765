using NodaTime;

namespace Partnerskab.Payment.RateCards;

/// <summary>
/// One version of a partnership's contract terms, effective from its date until the next
/// version's: prices, fees, caps, VAT, invoicing and payment terms, budgets. Versions are never
/// changed once added. Amounts are whole øre.
/// </summary>
public sealed class RateCard
{
    public const int DefaultVatRateBasisPoints = 2500;
    public const int DefaultPaymentTermsDays = 30;

    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public int Version { get; set; }
    public LocalDate EffectiveFrom { get; set; }
    public long HandoverFeeOre { get; set; }
    public List<MilestonePrice> MilestonePrices { get; set; } = [];
    public List<DeliverableFee> DeliverableFees { get; set; } = [];
    public List<PeriodicFee> PeriodicFees { get; set; } = [];
    public long? CapPerCitizenOre { get; set; }
    public long? CapPerYearOre { get; set; }
    public long? CapContractOre { get; set; }
    /// <summary>Hundredths of a percent: 2500 is 25 %; 0 is exempt.</summary>
    public int VatRateBasisPoints { get; set; } = DefaultVatRateBasisPoints;
    public BillingInterval InvoicingPeriod { get; set; } = BillingInterval.Monthly;
    public int PaymentTermsDays { get; set; } = DefaultPaymentTermsDays;
    public List<YearBudget> Budgets { get; set; } = [];
    public string? PayeeBankRegistrationNumber { get; set; }
    public string? PayeeAccountNumber { get; set; }
    /// <summary>The payers splitting every price; empty when the kommune pays it all.</summary>
    public List<Payer> Payers { get; set; } = [];
    /// <summary>With payers: the one who gets the øre the split's rounding leaves.</summary>
    public string? RemainderPayerId { get; set; }
    /// <summary>The share of the outcome payments received that passes through to the investor, in hundredths of a percent; 0 for none.</summary>
    public int InvestorPassThroughBasisPoints { get; set; }
    public Instant CreatedAt { get; set; }

    /// <summary>Whether a cap of the card or of one of its payers limits what is booked.</summary>
    public bool HasCaps => CapPerCitizenOre is not null || CapPerYearOre is not null || CapContractOre is not null || Payers.Any(p => p.CapOre is not null);

    /// <summary>What each payer pays of an amount (<see cref="Money.Split"/>); empty without payers.</summary>
    public IReadOnlyList<(string PayerId, long AmountOre)> PayerParts(long amountOre)
    {
        if (Payers.Count == 0) return [];
        var parts = Money.Split(amountOre, [.. Payers.Select(p => (long)p.ShareBasisPoints)], Payers.FindIndex(p => p.PayerId == RemainderPayerId));
        return [.. Payers.Select((p, i) => (p.PayerId, parts[i]))];
    }

    public bool SameTermsAs(RateCard other) =>
        HandoverFeeOre == other.HandoverFeeOre
        && SameSet(MilestonePrices, other.MilestonePrices, p => p.MilestoneCode)
        && SameSet(DeliverableFees, other.DeliverableFees, f => f.DeliverableKind)
        && SameSet(PeriodicFees, other.PeriodicFees, f => f.Code)
        && SameSet(Budgets, other.Budgets, b => b.Year.ToString("D4"))
        && (CapPerCitizenOre, CapPerYearOre, CapContractOre) == (other.CapPerCitizenOre, other.CapPerYearOre, other.CapContractOre)
        && (VatRateBasisPoints, InvoicingPeriod, PaymentTermsDays) == (other.VatRateBasisPoints, other.InvoicingPeriod, other.PaymentTermsDays)
        && (PayeeBankRegistrationNumber, PayeeAccountNumber) == (other.PayeeBankRegistrationNumber, other.PayeeAccountNumber)
        && SameSet(Payers, other.Payers, p => p.PayerId) && RemainderPayerId == other.RemainderPayerId
        && InvestorPassThroughBasisPoints == other.InvestorPassThroughBasisPoints;

    private static bool SameSet<T>(List<T> mine, List<T> theirs, Func<T, string> key) =>
        mine.OrderBy(key, StringComparer.Ordinal).SequenceEqual(theirs.OrderBy(key, StringComparer.Ordinal));
}

public enum BillingInterval
{
    Monthly = 1,
    Quarterly = 2,
}

public sealed record MilestonePrice(string MilestoneCode, long AmountOre);

public sealed record DeliverableFee(string DeliverableKind, long AmountOrePerUnit);

public sealed record PeriodicFee(string Code, long AmountOre, BillingInterval Interval);

public sealed record YearBudget(int Year, long AmountOre);

/// <summary>A party paying a share of every price, in hundredths of a percent; with a cap of its own on what it pays over the contract.</summary>
public sealed record Payer(string PayerId, string Name, string Cvr, string? Ean, int ShareBasisPoints, long? CapOre = null);
