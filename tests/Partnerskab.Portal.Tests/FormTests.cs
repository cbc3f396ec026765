using Partnerskab.Portal.Forms;
using Partnerskab.Portal.Pages.Agreements;

using Partnerskab.Protos.Cohort.V1;
using Shouldly;

namespace Partnerskab.Portal.Tests;

public sealed class FormTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("15,5", 1550)]
    [InlineData("15.25", 1525)]
    [InlineData("37", 3700)]
    [InlineData("15,555", null)]
    [InlineData("femten", null)]
    [InlineData("-3", null)]
    public void Hours_per_week_are_read_exactly_in_hundredths_with_a_comma_or_a_point(string typed, int? hundredths)
    {
        Partnerskab.Portal.Pages.Claims.CreateModel.Hundredths(typed).ShouldBe(hundredths);
    }

    [Fact]
    public void The_agreements_terms_fill_every_field_of_a_create_or_amend_request_that_has_the_same_name()
    {
        var terms = new Partnership
        {
            PartnershipId = "", Reference = "R-1", Name = "Job", CohortCapacity = 150, FollowUpMonths = 24,
            Kommune = new Organisation { Cvr = "29189757" },
            Eligibility = new Eligibility { MinWeeksSickListed = 26, AllowedBenefitTypes = { BenefitType.SicknessBenefit, BenefitType.CashBenefit } },
        };

        var amend = AgreementForm.Into(terms, new AmendPartnershipRequest { PartnershipId = "kept", Reason = "kept too" });
        var create = AgreementForm.Into(terms, new CreatePartnershipRequest());

        (amend.Name, amend.CohortCapacity, amend.FollowUpMonths, amend.Kommune.Cvr, amend.Eligibility).ShouldBe(("Job", 150, 24, "29189757", terms.Eligibility));
        (amend.PartnershipId, amend.Reason).ShouldBe(("", "kept too"));
        (create.Name, create.Reference, create.Eligibility.AllowedBenefitTypes.Count).ShouldBe(("Job", "R-1", 2));
    }

    [Fact]
    public void A_field_with_a_problem_is_marked_invalid_and_described_by_its_help_and_its_message()
    {
        var problems = new FormProblems();
        problems.Date("2023-02-30", "handover_date", "Skriv en dato").ShouldBeNull();
        problems.Number("12", "weeks", 0, 520, "Skriv et tal").ShouldBe(12);

        (problems.Any, problems.Invalid("handover_date"), problems.Invalid("weeks")).ShouldBe((true, "true", null));
        problems.DescribedBy("handover_date", "handover_date", "date-help").ShouldBe("date-help handover_date-error");
        problems.DescribedBy("weeks", "weeks", "weeks-help").ShouldBe("weeks-help");
        problems.DescribedBy("weeks", "weeks").ShouldBeNull();
    }
}
