using NodaTime;
using Partnerskab.Cohort.Partnerships;
using static Partnerskab.Cohort.Partnerships.AgreementDecision;

namespace Partnerskab.Cohort.Tests;

public sealed class AgreementDecisionTests
{
    private static readonly Partnership Current = new() { Id = Guid.CreateVersion7(), Reference = "haderslev-2023", Version = 2, Terms = TestAgreements.Haderslev() };

    [Fact]
    public void The_reference_case_keeps_every_rule()
    {
        Violations(TestAgreements.Haderslev()).ShouldBeEmpty();
    }

    [Fact]
    public void The_contract_runs_forward_and_the_handover_window_lies_inside_it()
    {
        var terms = TestAgreements.Haderslev();
        terms.ContractEnd = new LocalDate(2023, 3, 1);
        terms.HandoverWindowStart = new LocalDate(2023, 2, 1);
        terms.HandoverWindowEnd = new LocalDate(2023, 1, 31);
        Violations(terms).Select(x => x.Field).ShouldBe(["contract_end", "handover_window_end", "handover_window_start"]);
    }

    [Fact]
    public void A_date_that_failed_its_own_check_takes_no_part_in_a_comparison()
    {
        var terms = TestAgreements.Haderslev();
        terms.ContractStart = default;
        terms.HandoverWindowEnd = default;
        Violations(terms).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, 24, "cohort_capacity")]
    [InlineData(1_000_001, 24, "cohort_capacity")]
    [InlineData(150, 0, "follow_up_months")]
    [InlineData(150, 121, "follow_up_months")]
    public void The_cohort_and_the_follow_up_have_a_size_in_range(int capacity, int months, string field)
    {
        var terms = TestAgreements.Haderslev(capacity);
        terms.FollowUpMonths = months;
        Violations(terms).ShouldHaveSingleItem().Field.ShouldBe(field);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100_001)]
    [InlineData(1_000_000)]
    public void A_cohort_may_be_as_large_as_a_national_programme(int capacity) =>
        Violations(TestAgreements.Haderslev(capacity)).ShouldBeEmpty();

    [Fact]
    public void A_registration_under_a_reference_is_new_a_retry_of_the_same_terms_or_a_clash()
    {
        Registering(TestAgreements.Haderslev(), registered: null).ShouldBeOfType<Register>();
        Registering(TestAgreements.Haderslev(), TestAgreements.Haderslev()).ShouldBeOfType<AlreadyRegistered>();
        Registering(TestAgreements.Haderslev(capacity: 151), TestAgreements.Haderslev()).ShouldBeOfType<ReferenceTaken>();
    }

    [Fact]
    public void An_amendment_of_the_current_version_makes_the_next_version()
    {
        Amending(Current, expectedVersion: 2, TestAgreements.Haderslev(capacity: 200), placesTaken: 150).ShouldBe(new Amend(3));
    }

    [Fact]
    public void An_amendment_of_another_version_is_stale()
    {
        Amending(Current, expectedVersion: 1, TestAgreements.Haderslev(capacity: 200), placesTaken: 0).ShouldBe(new StaleVersion(2));
    }

    [Fact]
    public void An_amendment_may_rename_a_party_but_not_change_its_cvr_number()
    {
        var renamed = TestAgreements.Haderslev();
        renamed.Provider = renamed.Provider with { Name = "Carelink A/S" };
        Amending(Current, 2, renamed, 0).ShouldBe(new Amend(3));
        var newParties = TestAgreements.Haderslev();
        newParties.Kommune = newParties.Kommune with { Cvr = "11111111" };
        newParties.Provider = newParties.Provider with { Cvr = "22222222" };
        var changed = Amending(Current, 2, newParties, 0).ShouldBeOfType<PartiesChanged>();
        changed.Violations.Select(x => x.Field).ShouldBe(["kommune.cvr", "provider.cvr"]);
        changed.Violations[0].Reason.ShouldStartWith("must stay 29189757");
    }

    [Fact]
    public void An_amendment_that_changes_nothing_or_leaves_fewer_places_than_are_taken_is_refused()
    {
        Amending(Current, 2, TestAgreements.Haderslev(), 0).ShouldBeOfType<ChangesNothing>();
        Amending(Current, 2, TestAgreements.Haderslev(capacity: 100), placesTaken: 120).ShouldBe(new BelowPlacesTaken(120));
        Amending(Current, 2, TestAgreements.Haderslev(capacity: 120), placesTaken: 120).ShouldBe(new Amend(3));
    }
}
