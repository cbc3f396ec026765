using Partnerskab.Cohort.Handover;

namespace Partnerskab.Cohort.Partnerships;

/// <summary>Who belongs to the partnership's target group.</summary>
public sealed class EligibilityRules
{
    /// <summary>A citizen must have been sick-listed for more than this many weeks at handover.</summary>
    public int MinWeeksSickListed { get; set; }

    public List<BenefitType> AllowedBenefitTypes { get; set; } = [];
}
