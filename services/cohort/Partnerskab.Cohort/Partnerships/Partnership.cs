using NodaTime;

namespace Partnerskab.Cohort.Partnerships;

/// <summary>
/// A partnership agreement between a kommune, a provider and an investor: its identity and its
/// current terms. Every version of the terms is also kept in <see cref="PartnershipVersion"/>.
/// </summary>
public sealed class Partnership
{
    public Guid Id { get; set; }
    /// <summary>The kommune's own reference for the agreement; unique.</summary>
    public required string Reference { get; set; }
    /// <summary>1 as registered, one more for each amendment.</summary>
    public int Version { get; set; }
    public required AgreementTerms Terms { get; set; }
    public Instant RegisteredAt { get; set; }
    /// <summary>
    /// Places taken in the cohort: every citizen handed over, but one exited as wrongly enrolled.
    /// Kept by the database (triggers on citizens, in the writer's transaction), never written here.
    /// </summary>
    public int PlacesTaken { get; private set; }
}

/// <summary>One version of a partnership's terms, kept when the agreement is amended.</summary>
public sealed class PartnershipVersion
{
    public Guid PartnershipId { get; set; }
    public int Version { get; set; }
    public required AgreementTerms Terms { get; set; }
    /// <summary>Why the agreement changed; empty for version 1.</summary>
    public required string Reason { get; set; }
    public Instant RecordedAt { get; set; }
}

/// <summary>What the parties agreed: who, when, how many, for how long, and for whom.</summary>
public sealed class AgreementTerms
{
    public required string Name { get; set; }
    public required Party Kommune { get; set; }
    public required Party Provider { get; set; }
    public required Party Investor { get; set; }
    public LocalDate ContractStart { get; set; }
    public LocalDate ContractEnd { get; set; }
    public int CohortCapacity { get; set; }
    public int FollowUpMonths { get; set; }
    public LocalDate HandoverWindowStart { get; set; }
    public LocalDate HandoverWindowEnd { get; set; }
    public required EligibilityRules Eligibility { get; set; }

    public bool SameAs(AgreementTerms other) =>
        Name == other.Name && Kommune == other.Kommune && Provider == other.Provider && Investor == other.Investor
        && ContractStart == other.ContractStart && ContractEnd == other.ContractEnd
        && CohortCapacity == other.CohortCapacity && FollowUpMonths == other.FollowUpMonths
        && HandoverWindowStart == other.HandoverWindowStart && HandoverWindowEnd == other.HandoverWindowEnd
        && Eligibility.MinWeeksSickListed == other.Eligibility.MinWeeksSickListed
        && Eligibility.AllowedBenefitTypes.Order().SequenceEqual(other.Eligibility.AllowedBenefitTypes.Order());

    /// <summary>A copy, so a version row and the partnership never share one owned instance.</summary>
    public AgreementTerms Copy() => new()
    {
        Name = Name,
        Kommune = Kommune with { },
        Provider = Provider with { },
        Investor = Investor with { },
        ContractStart = ContractStart,
        ContractEnd = ContractEnd,
        CohortCapacity = CohortCapacity,
        FollowUpMonths = FollowUpMonths,
        HandoverWindowStart = HandoverWindowStart,
        HandoverWindowEnd = HandoverWindowEnd,
        Eligibility = new EligibilityRules
        {
            MinWeeksSickListed = Eligibility.MinWeeksSickListed,
            AllowedBenefitTypes = [.. Eligibility.AllowedBenefitTypes],
        },
    };
}

/// <summary>A party to the agreement; the EAN location number is the kommune's e-invoice endpoint.</summary>
public sealed record Party(string Name, string Cvr, string Ean);
