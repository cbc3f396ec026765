using NodaTime;
using Partnerskab.Cohort.Partnerships;

namespace Partnerskab.Cohort.Handover;

/// <summary>Whether a citizen may be handed over under a partnership agreement.</summary>
public static class HandoverRules
{
    /// <summary>The reasons a handover breaks the agreement, by the request field they concern.</summary>
    public static IReadOnlyList<(string Field, string Reason)> Violations(
        AgreementTerms terms, LocalDate handoverDate, BenefitType benefitType, int weeksSickListed)
    {
        var violations = new List<(string, string)>();
        if (handoverDate < terms.HandoverWindowStart || handoverDate > terms.HandoverWindowEnd)
        {
            violations.Add(("handover_date",
                $"must be inside the handover window {terms.HandoverWindowStart:uuuu-MM-dd} to {terms.HandoverWindowEnd:uuuu-MM-dd}"));
        }
        if (!terms.Eligibility.AllowedBenefitTypes.Contains(benefitType))
        {
            violations.Add(("benefit_type", $"{benefitType} is not in the partnership's target group"));
        }
        if (weeksSickListed <= terms.Eligibility.MinWeeksSickListed)
        {
            violations.Add(("weeks_sick_listed", $"must be more than {terms.Eligibility.MinWeeksSickListed} weeks under the agreement"));
        }
        return violations;
    }
}
