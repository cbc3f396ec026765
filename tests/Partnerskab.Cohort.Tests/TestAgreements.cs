using NodaTime;
using Partnerskab.Cohort.Handover;
using Partnerskab.Cohort.Partnerships;

namespace Partnerskab.Cohort.Tests;

/// <summary>The reference case's agreement, with a handover window of April 2023.</summary>
public static class TestAgreements
{
    public static AgreementTerms Haderslev(int capacity = 150) => new()
    {
        Name = "Haderslev",
        Kommune = new Party("Haderslev Kommune", "29189757", "5798000420526"),
        Provider = new Party("Carelink", "12345678", ""),
        Investor = new Party("Den Sociale Kapitalfond", "", ""),
        ContractStart = new LocalDate(2023, 3, 1),
        ContractEnd = new LocalDate(2025, 3, 31),
        CohortCapacity = capacity,
        FollowUpMonths = 24,
        HandoverWindowStart = new LocalDate(2023, 4, 1),
        HandoverWindowEnd = new LocalDate(2023, 4, 30),
        Eligibility = new EligibilityRules
        {
            MinWeeksSickListed = 26,
            AllowedBenefitTypes = [BenefitType.SicknessBenefit, BenefitType.JobClarificationBenefit],
        },
    };
}
