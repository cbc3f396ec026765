using NodaTime;
using Partnerskab.Cohort.Partnerships;

namespace Partnerskab.Cohort.Handover;

/// <summary>Whether a citizen may be handed over under a partnership agreement.</summary>
public static class HandoverRules
{
    /// <summary>The reasons a handover breaks the agreement, by the request field they concern.</summary>
    public static IReadOnlyList<(string Field, string Reason)> Violations(
        Partnership partnership, LocalDate handoverDate, BenefitType benefitType, int weeksSickListed)
    {
        var violations = new List<(string, string)>();
        if (handoverDate < partnership.HandoverWindowStart || handoverDate > partnership.HandoverWindowEnd)
        {
            violations.Add(("handover_date",
                $"must be inside the handover window {partnership.HandoverWindowStart:uuuu-MM-dd} to {partnership.HandoverWindowEnd:uuuu-MM-dd}"));
        }
        if (!partnership.Eligibility.AllowedBenefitTypes.Contains(benefitType))
        {
            violations.Add(("benefit_type", $"{benefitType} is not in the partnership's target group"));
        }
        if (weeksSickListed <= partnership.Eligibility.MinWeeksSickListed)
        {
            violations.Add(("weeks_sick_listed", $"must be more than {partnership.Eligibility.MinWeeksSickListed} weeks under the agreement"));
        }
        return violations;
    }
}
