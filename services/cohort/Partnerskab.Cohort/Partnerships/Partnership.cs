using NodaTime;

namespace Partnerskab.Cohort.Partnerships;

/// <summary>A partnership agreement between a kommune, a provider and an investor.</summary>
public sealed class Partnership
{
    public Guid Id { get; set; }
    /// <summary>The kommune's own reference for the agreement; unique.</summary>
    public required string Reference { get; set; }
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
    public Instant RegisteredAt { get; set; }

    /// <summary>True when both describe the same agreement (a retried registration).</summary>
    public bool SameAgreementAs(Partnership other) =>
        Reference == other.Reference && Name == other.Name
        && Kommune == other.Kommune && Provider == other.Provider && Investor == other.Investor
        && ContractStart == other.ContractStart && ContractEnd == other.ContractEnd
        && CohortCapacity == other.CohortCapacity && FollowUpMonths == other.FollowUpMonths
        && HandoverWindowStart == other.HandoverWindowStart && HandoverWindowEnd == other.HandoverWindowEnd
        && Eligibility.MinWeeksSickListed == other.Eligibility.MinWeeksSickListed
        && Eligibility.AllowedBenefitTypes.Order().SequenceEqual(other.Eligibility.AllowedBenefitTypes.Order());
}

/// <summary>A party to the agreement; the EAN location number is the kommune's e-invoice endpoint.</summary>
public sealed record Party(string Name, string Cvr, string Ean)
{
    internal static void Configure<TOwner>(Microsoft.EntityFrameworkCore.Metadata.Builders.OwnedNavigationBuilder<TOwner, Party> party)
        where TOwner : class
    {
        party.Property(p => p.Name).HasMaxLength(200);
        party.Property(p => p.Cvr).HasMaxLength(8);
        party.Property(p => p.Ean).HasMaxLength(13);
    }
}
