using NodaTime;
using Partnerskab.Cohort.Handover;
using Partnerskab.Cohort.Partnerships;

namespace Partnerskab.Cohort.Tests;

public sealed class HandoverRulesTests
{
    private static readonly AgreementTerms Haderslev = TestAgreements.Haderslev();

    [Theory]
    [InlineData(2023, 4, 1, BenefitType.SicknessBenefit, 27)]
    [InlineData(2023, 4, 30, BenefitType.JobClarificationBenefit, 104)]
    public void An_eligible_citizen_inside_the_window_breaks_no_rule(int year, int month, int day, BenefitType benefit, int weeks)
    {
        HandoverRules.Violations(Haderslev, new LocalDate(year, month, day), benefit, weeks).ShouldBeEmpty();
    }

    [Fact]
    public void Exactly_the_minimum_weeks_is_not_more_than_it()
    {
        HandoverRules.Violations(Haderslev, new LocalDate(2023, 4, 3), BenefitType.SicknessBenefit, 26)
            .Select(v => v.Field).ShouldBe(["weeks_sick_listed"]);
    }

    [Fact]
    public void Every_broken_rule_is_named_by_its_field()
    {
        HandoverRules.Violations(Haderslev, new LocalDate(2023, 5, 1), BenefitType.CashBenefit, 3)
            .Select(v => v.Field).ShouldBe(["handover_date", "benefit_type", "weeks_sick_listed"]);
        HandoverRules.Violations(Haderslev, new LocalDate(2023, 3, 31), BenefitType.SicknessBenefit, 30)
            .Select(v => v.Field).ShouldBe(["handover_date"]);
    }
}
