using NodaTime;
using Partnerskab.Outcome.BusinessCase;
using Partnerskab.Outcome.Timeline;

namespace Partnerskab.Outcome.Tests;

public sealed class BusinessCaseTests
{
    private const WeeklyStatusKind Sick = WeeklyStatusKind.SicknessBenefit;
    private const WeeklyStatusKind Clarification = WeeklyStatusKind.JobClarificationBenefit;
    private const WeeklyStatusKind Work = WeeklyStatusKind.OrdinaryEmployment;

    // A Monday, so the weeks of 2024's first three months since start are 5, 4 and 4.
    private static readonly LocalDate Monday = new(2024, 1, 1);
    private static readonly int[] WeeksInMonth = [5, 4, 4];
    private const long SickRate = 400_000;

    private static CitizenMonths.Citizen Citizen(LocalDate start, params WeeklyStatusKind?[] weeks) =>
        new(start, start.PlusMonths(24), DecidedWeeks.Of(start, weeks
            .Select((status, k) => (status, k))
            .Where(w => w.status is not null)
            .Select(w => new WeeklyTimeline.Week(WeeklyTimeline.WeekOf(start).PlusWeeks(w.k), w.status!.Value, StatusSource.Register, null, w.status, 0))));

    /// <summary>A citizen on <paramref name="before"/> for the first <paramref name="weeks"/> weeks and <paramref name="after"/> from then on.</summary>
    private static CitizenMonths.Citizen Switching(LocalDate start, int weeks, WeeklyStatusKind before, WeeklyStatusKind after, int total = 110) =>
        Citizen(start, Enumerable.Range(0, total).Select(k => (WeeklyStatusKind?)(k < weeks ? before : after)).ToArray());

    private static BenefitRates SickOnly(params BenefitRates.Share[] shares) =>
        new(Enumerable.Range(2023, 4).Select(year => new BenefitRates.Rate(Sick, year, SickRate)), shares);

    private static BusinessCaseEstimate.Method Method(int seed = 7) => new(1000, seed);

    private static BusinessCaseEstimate.Comparison Group(IReadOnlyList<CitizenMonths> citizens, int minimum = 3) => new BusinessCaseEstimate.Comparison.Group(citizens, minimum);

    private static List<CitizenMonths> Months(IEnumerable<CitizenMonths.Citizen> citizens, LocalDate asOf, BenefitRates rates) =>
        citizens.Select(c => CitizenMonths.Of(c, asOf, 24, rates)).ToList();

    [Fact]
    public void A_week_takes_the_rate_of_its_iso_week_year_so_the_week_of_new_year_takes_the_new_years_rate()
    {
        var rates = new BenefitRates([new BenefitRates.Rate(Sick, 2024, 100_000), new BenefitRates.Rate(Sick, 2025, 130_000)], []);
        // Monday 2024-12-30 begins ISO week 1 of 2025.
        rates.CostOfWeek(Sick, new LocalDate(2024, 12, 23), 1).ShouldBe(100_000);
        rates.CostOfWeek(Sick, new LocalDate(2024, 12, 30), 1).ShouldBe(130_000);
        rates.CostOfWeek(Sick, new LocalDate(2026, 1, 5), 1).ShouldBeNull();
        rates.Weighs(Sick).ShouldBeTrue();
        rates.Weighs(Clarification).ShouldBeFalse();
    }

    [Fact]
    public void The_kommunes_share_follows_the_staircase_by_week_of_the_spell_and_is_rounded_once_half_away_from_zero()
    {
        var rates = new BenefitRates([new BenefitRates.Rate(Sick, 2024, 100_001), new BenefitRates.Rate(Clarification, 2024, 100_001)],
            [new BenefitRates.Share(Sick, 5, 5000), new BenefitRates.Share(Sick, 27, 2000), new BenefitRates.Share(Sick, 1, 8000)]);
        var week = new LocalDate(2024, 3, 4);

        rates.CostOfWeek(Sick, week, 1).ShouldBe((long)Math.Round(100_001 * 0.8m, MidpointRounding.AwayFromZero));
        rates.CostOfWeek(Sick, week, 4).ShouldBe((long)Math.Round(100_001 * 0.8m, MidpointRounding.AwayFromZero));
        rates.CostOfWeek(Sick, week, 5).ShouldBe(50_001); // 50,000.5 rounds up
        rates.CostOfWeek(Sick, week, 26).ShouldBe(50_001);
        rates.CostOfWeek(Sick, week, 27).ShouldBe((long)Math.Round(100_001 * 0.2m, MidpointRounding.AwayFromZero));
        rates.CostOfWeek(Clarification, week, 40).ShouldBe(100_001);
    }

    [Fact]
    public void Weeks_fall_in_the_month_since_start_holding_their_monday_and_only_wholly_observed_months_count()
    {
        var citizen = Citizen(Monday, [Sick, Sick, Sick, Sick, Sick, Work, Work, null, Sick, WeeklyStatusKind.FlexJob, Sick, Sick, Sick, Sick]);
        var rates = SickOnly();

        var months = CitizenMonths.Of(citizen, new LocalDate(2024, 3, 31), 24, rates).Months;

        months.Count.ShouldBe(WeeksInMonth.Length);
        months.Select(m => m.Weeks).ShouldBe(WeeksInMonth);
        months[0].ShouldBe(new CitizenMonths.Month(5, 5, 0, 5 * SickRate));
        months[1].ShouldBe(new CitizenMonths.Month(4, 1, 2, SickRate));
        months[2].ShouldBe(new CitizenMonths.Month(4, 3, 0, 3 * SickRate));
        CitizenMonths.Of(citizen, new LocalDate(2024, 3, 30), 24, rates).Months.Count.ShouldBe(2);
        CitizenMonths.Of(citizen with { End = new LocalDate(2024, 3, 31) }, new LocalDate(2024, 12, 31), 24, rates).Months.Count.ShouldBe(2);
        CitizenMonths.Of(citizen, new LocalDate(2024, 12, 31), 1, rates).Months.Count.ShouldBe(1);
    }

    [Fact]
    public void The_spell_counts_weeks_on_benefit_from_the_start_and_a_self_sufficient_week_does_not_reset_it()
    {
        var rates = SickOnly(new BenefitRates.Share(Sick, 1, 10_000), new BenefitRates.Share(Sick, 3, 5000));
        var citizen = Citizen(Monday, [Sick, Work, Sick, Sick, Work]);

        var month = CitizenMonths.Of(citizen, new LocalDate(2024, 1, 31), 24, rates).Months.Single();

        month.CostOre.ShouldBe(SickRate + SickRate + SickRate / 2);
    }

    [Fact]
    public void A_month_spanning_new_year_weighs_each_week_at_its_own_years_rate_and_a_missing_year_is_named()
    {
        var start = new LocalDate(2024, 12, 2);
        var rates = new BenefitRates([new BenefitRates.Rate(Sick, 2024, 100_000), new BenefitRates.Rate(Sick, 2025, 130_000)], []);
        var citizen = Switching(start, 10, Sick, Sick);

        CitizenMonths.Of(citizen, new LocalDate(2025, 1, 1), 24, rates).Months.Single().CostOre.ShouldBe(4 * 100_000 + 130_000);

        var withoutNewYear = new BenefitRates([new BenefitRates.Rate(Sick, 2024, 100_000)], []);
        var months = CitizenMonths.Of(citizen, new LocalDate(2025, 1, 1), 24, withoutNewYear);
        months.MissingRates.ShouldBe([new CitizenMonths.MissingRate(Sick, 2025)]);
        var result = BusinessCaseEstimate.Compute([months], Group([months, months, months]), new(0, 0), Method());
        result.Estimate.ShouldBeNull();
        result.Reason.ShouldBe("No benefit rate is entered for SicknessBenefit in 2025, so the weeks on benefit cannot be weighed.");
    }

    [Fact]
    public void A_small_partnership_matches_the_hand_computation()
    {
        const int steppedDown = 3000;
        var rates = SickOnly(new BenefitRates.Share(Sick, 1, 6000), new BenefitRates.Share(Sick, 6, steppedDown));
        var asOf = new LocalDate(2024, 3, 31);
        var cohort = Months([Switching(Monday, 5, Sick, Work), Switching(Monday, 20, Sick, Sick)], asOf, rates);
        var comparison = Months([Switching(Monday, 20, Sick, Sick), Switching(Monday, 20, Sick, Sick), Switching(Monday, 9, Sick, Work)], asOf, rates);
        var cost = new BusinessCaseEstimate.Cost(ToDateOre: 500_000, ExpectedOre: 1_000_000);

        var result = BusinessCaseEstimate.Compute(cohort, Group(comparison), cost, Method());

        // Month 1: all five citizens sick for 5 weeks at 60 %: no difference.
        // Month 2: one cohort citizen works 4 weeks, the other is sick 4 weeks at 30 %; the comparison all sick 4 weeks at 30 %.
        // Month 3: the same in the cohort; in the comparison one of three works.
        var stepped = SickRate * steppedDown / 10_000;
        var scale = 2m / 3;
        decimal[] additional = [0, 4, 4 - scale * 4];
        decimal[] saving = [0, scale * 3 * 4 * stepped - 4 * stepped, scale * 2 * 4 * stepped - 4 * stepped];
        result.Reason.ShouldBeNull();
        result.CohortCitizens.ShouldBe(2);
        result.ComparisonCitizens.ShouldBe(3);
        result.Months.Select(m => m.AdditionalSelfSufficientWeeks).ShouldBe(additional.Select(a => (decimal?)Math.Round(a, 2)));
        result.Months.Select(m => m.GrossSavingOre).ShouldBe(saving.Select(s => (long?)Math.Round(s)));
        result.Months[0].Cohort.ShouldBe(new BusinessCaseEstimate.GroupMonth(2, 10, 10, 0, 2 * 5 * SickRate * 6 / 10));
        result.Months[2].Comparison.ShouldBe(new BusinessCaseEstimate.GroupMonth(3, 12, 8, 4, 8 * stepped));
        var estimate = result.Estimate!;
        estimate.AdditionalSelfSufficientWeeks.ShouldBe(Math.Round(additional.Sum(), 2));
        estimate.BenefitWeeksSaved.ShouldBe(Math.Round(additional.Sum(), 2));
        estimate.GrossSavingOre.ShouldBe((long)Math.Round(saving.Sum()));
        estimate.NetToDateOre.ShouldBe(estimate.GrossSavingOre - cost.ToDateOre);
        estimate.NetExpectedOre.ShouldBe(estimate.GrossSavingOre - cost.ExpectedOre);
        (saving[0] + saving[1]).ShouldBeLessThan(cost.ToDateOre);
        saving.Sum().ShouldBeGreaterThanOrEqualTo(cost.ToDateOre);
        estimate.BreakEvenMonth.ShouldBe(3);
        estimate.CostPerAdditionalSelfSufficientWeekOre.ShouldBe((long)Math.Round(cost.ToDateOre / additional.Sum()));
        estimate.AdditionalSelfSufficientWeeksInterval.Low.ShouldBeLessThanOrEqualTo(estimate.AdditionalSelfSufficientWeeks);
        estimate.AdditionalSelfSufficientWeeksInterval.High.ShouldBeGreaterThanOrEqualTo(estimate.AdditionalSelfSufficientWeeks);
    }

    /// <summary>Sixty citizens who leave benefit for work at weeks spread over two years, some never, from a seeded draw.</summary>
    private static List<CitizenMonths.Citizen> Population(int seed, LocalDate start, int count = 60, int latest = 110)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Switching(start, random.Next(4, latest), Sick, Work)).ToList();
    }

    [Fact]
    public void A_cohort_that_does_as_the_comparison_did_shows_no_difference_and_an_interval_covering_zero()
    {
        var asOf = new LocalDate(2026, 1, 31);
        var people = Months(Population(1, Monday), asOf, SickOnly());

        var estimate = BusinessCaseEstimate.Compute(people, Group(people.ToList(), 20), new(1_000_000, 2_000_000), Method()).Estimate!;

        estimate.AdditionalSelfSufficientWeeks.ShouldBe(0);
        estimate.GrossSavingOre.ShouldBe(0);
        estimate.AdditionalSelfSufficientWeeksInterval.Low.ShouldBeLessThan(0);
        estimate.AdditionalSelfSufficientWeeksInterval.High.ShouldBeGreaterThan(0);
        estimate.GrossSavingOreInterval.Low.ShouldBeLessThan(0);
        estimate.GrossSavingOreInterval.High.ShouldBeGreaterThan(0);
        estimate.BreakEvenMonth.ShouldBeNull();
        estimate.CostPerAdditionalSelfSufficientWeekOre.ShouldBeNull();
    }

    [Fact]
    public void A_cohort_that_leaves_benefit_sooner_shows_a_saving_whose_interval_stays_above_zero()
    {
        var asOf = new LocalDate(2026, 1, 31);
        var cohort = Months(Population(2, Monday, latest: 40), asOf, SickOnly());
        var comparison = Months(Population(3, Monday.PlusMonths(-3), latest: 110), asOf, SickOnly());

        var estimate = BusinessCaseEstimate.Compute(cohort, Group(comparison, 20), new(1_000_000, 2_000_000), Method()).Estimate!;

        estimate.AdditionalSelfSufficientWeeksInterval.Low.ShouldBeGreaterThan(0);
        estimate.GrossSavingOreInterval.Low.ShouldBeGreaterThan(0);
        estimate.AdditionalSelfSufficientWeeks.ShouldBeInRange(estimate.AdditionalSelfSufficientWeeksInterval.Low, estimate.AdditionalSelfSufficientWeeksInterval.High);
        estimate.BenefitWeeksSaved.ShouldBeGreaterThan(0);
        estimate.BreakEvenMonth.ShouldNotBeNull();
    }

    [Fact]
    public void The_same_seed_gives_the_same_interval_in_any_order_of_the_citizens_and_another_seed_another_interval()
    {
        var asOf = new LocalDate(2026, 1, 31);
        var cohort = Months(Population(4, Monday, latest: 60), asOf, SickOnly());
        var comparison = Months(Population(5, Monday), asOf, SickOnly());
        var cost = new BusinessCaseEstimate.Cost(1_000_000, 2_000_000);

        var first = BusinessCaseEstimate.Compute(cohort, Group(comparison, 20), cost, Method(seed: 11)).Estimate!;
        var shuffled = BusinessCaseEstimate.Compute(cohort.AsEnumerable().Reverse().ToList(), Group(comparison.OrderBy(_ => Guid.NewGuid()).ToList(), 20), cost, Method(seed: 11)).Estimate!;
        var reseeded = BusinessCaseEstimate.Compute(cohort, Group(comparison, 20), cost, Method(seed: 12)).Estimate!;

        shuffled.ShouldBe(first);
        reseeded.AdditionalSelfSufficientWeeks.ShouldBe(first.AdditionalSelfSufficientWeeks);
        reseeded.AdditionalSelfSufficientWeeksInterval.ShouldNotBe(first.AdditionalSelfSufficientWeeksInterval);
    }

    [Fact]
    public void A_comparison_group_too_small_gets_a_plain_sentence_and_no_estimate_but_the_months_are_still_counted()
    {
        var asOf = new LocalDate(2024, 3, 31);
        var cohort = Months(Population(6, Monday, count: 10), asOf, SickOnly());
        var comparison = Months(Population(7, Monday, count: 4), asOf, SickOnly());

        var result = BusinessCaseEstimate.Compute(cohort, Group(comparison, 5), new(0, 0), Method());

        result.Estimate.ShouldBeNull();
        result.Reason.ShouldBe("The comparison group has 4 citizens with a month observed; at least 5 are needed to say anything about the difference.");
        result.Months.Count.ShouldBe(WeeksInMonth.Length);
        result.Months.Select(m => m.Comparison!.Citizens).ShouldAllBe(n => n == 4);
        BusinessCaseEstimate.Compute(cohort, Group(comparison, 4), new(0, 0), Method()).Estimate.ShouldNotBeNull();
    }

    [Fact]
    public void A_month_only_the_cohort_reached_is_shown_but_left_out_of_the_totals()
    {
        var rates = SickOnly();
        var asOf = new LocalDate(2024, 3, 31);
        var cohort = Months([Switching(Monday, 5, Sick, Work)], asOf, rates);
        var comparison = Months(Enumerable.Repeat(Switching(Monday.PlusMonths(1), 20, Sick, Sick), 3), asOf, rates);

        var result = BusinessCaseEstimate.Compute(cohort, Group(comparison), new(0, 0), Method());

        result.Months.Select(m => m.AdditionalSelfSufficientWeeks).ShouldBe([0m, 4m, null]);
        result.Estimate!.AdditionalSelfSufficientWeeks.ShouldBe(4);

        var none = BusinessCaseEstimate.Compute(cohort, Group(Months(Enumerable.Repeat(Switching(asOf.PlusDays(-10), 20, Sick, Sick), 3), asOf, rates)), new(0, 0), Method());
        none.Estimate.ShouldBeNull();
        none.Reason.ShouldBe("The comparison group has 0 citizens with a month observed; at least 3 are needed to say anything about the difference.");
        var newCohort = Months([Switching(asOf.PlusDays(-10), 5, Sick, Work)], asOf, rates);
        var early = BusinessCaseEstimate.Compute(newCohort, Group(comparison), new(0, 0), Method());
        early.Estimate.ShouldBeNull();
        early.Months.ShouldBeEmpty();
        early.Reason.ShouldBe("No month since start has been completed by citizens of both the cohort and the comparison group.");
    }

    [Fact]
    public void Against_an_expected_curve_each_week_beyond_the_curves_share_saves_the_cohorts_mean_cost_of_a_week_on_benefit()
    {
        const int steppedDown = 3000;
        var rates = SickOnly(new BenefitRates.Share(Sick, 1, 6000), new BenefitRates.Share(Sick, 6, steppedDown));
        var asOf = new LocalDate(2024, 3, 31);
        var cohort = Months([Switching(Monday, 5, Sick, Work), Switching(Monday, 20, Sick, Sick)], asOf, rates);
        int[] curve = [0, 2500];

        var result = BusinessCaseEstimate.Compute(cohort, new BusinessCaseEstimate.Comparison.Curve(curve), new(100_000, 200_000), Method());

        // The cohort's weeks by month: 10, 8 and 8, of which self-sufficient 0, 4 and 4; on benefit 10, 4 and 4.
        var stepped = SickRate * steppedDown / 10_000;
        var costOfWeek = (2m * 5 * SickRate * 6 / 10 + 8 * stepped) / 18;
        decimal[] additional = [0, 4 - 8 * 0.25m];
        result.Months.Select(m => m.ExpectedSelfSufficientBasisPoints).ShouldBe([0, 2500, null]);
        result.Months.Select(m => m.Comparison).ShouldAllBe(c => c == null);
        result.Months.Select(m => m.AdditionalSelfSufficientWeeks).ShouldBe([additional[0], additional[1], null]);
        result.ComparisonCitizens.ShouldBe(0);
        var estimate = result.Estimate!;
        estimate.AdditionalSelfSufficientWeeks.ShouldBe(additional.Sum());
        estimate.BenefitWeeksSaved.ShouldBe(additional.Sum());
        estimate.GrossSavingOre.ShouldBe((long)Math.Round(additional.Sum() * costOfWeek, MidpointRounding.AwayFromZero));
        estimate.AdditionalSelfSufficientWeeksInterval.Low.ShouldBeLessThanOrEqualTo(estimate.AdditionalSelfSufficientWeeks);
        estimate.AdditionalSelfSufficientWeeksInterval.High.ShouldBeGreaterThanOrEqualTo(estimate.AdditionalSelfSufficientWeeks);
    }

    [Fact]
    public void Against_an_expected_curve_a_cohort_never_on_benefit_has_no_cost_to_weigh_and_says_so()
    {
        var asOf = new LocalDate(2024, 3, 31);
        var cohort = Months([Switching(Monday, 0, Sick, Work)], asOf, SickOnly());

        var result = BusinessCaseEstimate.Compute(cohort, new BusinessCaseEstimate.Comparison.Curve([1000, 2000, 3000]), new(0, 0), Method());

        result.Estimate.ShouldBeNull();
        result.Reason.ShouldBe("The cohort has had no week on benefit, so a week saved against the expected curve has no cost to be weighed at.");
        BusinessCaseEstimate.Compute(cohort, new BusinessCaseEstimate.Comparison.Curve([]), new(0, 0), Method()).Reason
            .ShouldBe("No month since start the expected curve has a share for has been completed by citizens of the cohort.");
    }

    [Fact]
    public void The_inputs_in_force_are_the_latest_effective_by_the_day_among_those_recorded_by_the_known_on_day()
    {
        BusinessCaseInputsVersion Version(LocalDate effectiveFrom, LocalDate recordedOn) => new()
        {
            Id = Guid.NewGuid(), EffectiveFrom = effectiveFrom, RecordedAt = recordedOn.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant().Plus(Duration.FromHours(12)),
            RecordedBy = "finance", RatesSource = "synthetic", CurveSource = "",
        };
        var first = Version(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 1));
        var corrected = Version(new LocalDate(2024, 1, 1), new LocalDate(2024, 2, 1));
        var next = Version(new LocalDate(2025, 1, 1), new LocalDate(2024, 3, 1));
        BusinessCaseInputsVersion[] versions = [next, corrected, first];

        BusinessCaseInputsVersion.InForce(versions, new LocalDate(2024, 6, 30), null).ShouldBe(corrected);
        BusinessCaseInputsVersion.InForce(versions, new LocalDate(2025, 6, 30), null).ShouldBe(next);
        BusinessCaseInputsVersion.InForce(versions, new LocalDate(2025, 6, 30), new History.KnownOn(new LocalDate(2024, 1, 15))).ShouldBe(first);
        BusinessCaseInputsVersion.InForce(versions, new LocalDate(2023, 12, 31), null).ShouldBeNull();
        first.SameContentAs(corrected).ShouldBeTrue();
        first.SameContentAs(next).ShouldBeFalse();
        corrected.CurveBasisPoints = [1000];
        first.SameContentAs(corrected).ShouldBeFalse();
    }
}
