using NodaTime;
using Partnerskab.Cohort.Handover;
using Partnerskab.Cohort.Partnerships;

namespace Partnerskab.Cohort.Tests;

public sealed class HandoverDecisionTests
{
    private static readonly Partnership Partnership = new()
    {
        Id = Guid.CreateVersion7(),
        Reference = "haderslev-2023",
        Version = 1,
        Terms = TestAgreements.Haderslev(capacity: 2),
    };

    private static readonly Instant Now = Instant.FromUtc(2023, 4, 3, 9, 0);
    private static readonly HandoverCandidate Candidate = new(Cpr("150385-1234"), new LocalDate(2023, 4, 3), BenefitType.SicknessBenefit, 31, "HAD-1");

    [Fact]
    public void An_eligible_citizen_with_a_free_place_is_accepted_with_the_follow_up_window()
    {
        var accepted = Decide(Candidate, existing: null, placesTaken: 1).ShouldBeOfType<HandoverDecision.Accepted>();
        accepted.Citizen.FollowUp.ShouldBe(new FollowUpWindow(new LocalDate(2023, 4, 3), new LocalDate(2025, 4, 3)));
        accepted.Citizen.PartnershipId.ShouldBe(Partnership.Id);
        accepted.Citizen.CitizenId.ShouldBe("pseudonym");
    }

    [Fact]
    public void The_last_place_goes_and_then_the_cohort_is_full()
    {
        Decide(Candidate, existing: null, placesTaken: 2).ShouldBe(new HandoverDecision.CohortFull(2, 2));
    }

    [Fact]
    public void An_identical_resend_is_unchanged_even_after_the_window_has_closed()
    {
        var existing = ((HandoverDecision.Accepted)Decide(Candidate, null, 0)).Citizen;
        // Nothing about the resend is checked against today's rules: the citizen is already in.
        var closedPartnership = new Partnership { Id = Partnership.Id, Reference = "x", Terms = TestAgreements.Haderslev(capacity: 0) };
        HandoverDecision.Decide(closedPartnership, Candidate, "pseudonym", existing, caseReferenceHolder: "pseudonym", placesTaken: 5, Now)
            .ShouldBe(new HandoverDecision.Unchanged(existing));
    }

    [Fact]
    public void A_resend_with_other_data_is_a_conflict_not_a_change()
    {
        var existing = ((HandoverDecision.Accepted)Decide(Candidate, null, 0)).Citizen;
        Decide(Candidate with { WeeksSickListed = 40 }, existing, 1).ShouldBe(new HandoverDecision.HandedOverWithOtherData(existing));
    }

    [Fact]
    public void An_ineligible_citizen_is_refused_before_capacity_is_looked_at()
    {
        var refused = Decide(Candidate with { WeeksSickListed = 20, BenefitType = BenefitType.CashBenefit }, null, placesTaken: 2)
            .ShouldBeOfType<HandoverDecision.Ineligible>();
        refused.Violations.Select(v => v.Field).ShouldBe(["benefit_type", "weeks_sick_listed"]);
    }

    [Fact]
    public void A_case_reference_another_citizen_has_is_refused_before_eligibility_and_capacity()
    {
        Decide(Candidate with { WeeksSickListed = 20 }, null, placesTaken: 2, caseReferenceHolder: "another")
            .ShouldBe(new HandoverDecision.CaseReferenceTaken("another"));
        Decide(Candidate, null, placesTaken: 0, caseReferenceHolder: "pseudonym").ShouldBeOfType<HandoverDecision.Accepted>();
    }

    private static HandoverDecision.Outcome Decide(HandoverCandidate candidate, Citizen? existing, int placesTaken, string? caseReferenceHolder = null) =>
        HandoverDecision.Decide(Partnership, candidate, "pseudonym", existing, caseReferenceHolder, placesTaken, Now);

    private static CprNumber Cpr(string text) => CprNumber.TryParse(text, out var cpr, out _) ? cpr : throw new ArgumentException(text);
}
