namespace Partnerskab.Cohort.Handover;

/// <summary>The public benefit a citizen receives at handover. Numbers match the API's enum.</summary>
public enum BenefitType
{
    SicknessBenefit = 1,
    JobClarificationBenefit = 2,
    ResourceProcessBenefit = 3,
    CashBenefit = 4,
}
