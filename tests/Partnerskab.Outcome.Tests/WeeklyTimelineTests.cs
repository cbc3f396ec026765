using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Partnerskab.Outcome.Timeline;
using static Partnerskab.Outcome.Timeline.WeeklyTimeline;

namespace Partnerskab.Outcome.Tests;

public sealed class WeeklyTimelineTests
{
    [Theory]
    [InlineData(2020, 53, "2020-12-28")]
    [InlineData(2021, 1, "2021-01-04")]
    [InlineData(2026, 53, "2026-12-28")]
    [InlineData(2025, 1, "2024-12-30")]
    [InlineData(2024, 9, "2024-02-26")]
    public void An_iso_week_starts_on_its_monday_also_across_new_year(int year, int week, string monday) =>
        WeekStart(year, week).ShouldBe(LocalDate.FromDateTime(DateTime.Parse(monday)));

    [Theory]
    [InlineData(2021, 53)]
    [InlineData(2023, 53)]
    [InlineData(2023, 0)]
    [InlineData(1899, 10)]
    public void A_week_the_year_does_not_have_is_no_week(int year, int week) => WeekStart(year, week).ShouldBeNull();

    [Fact]
    public void A_week_half_inside_the_window_belongs_to_it_at_both_ends()
    {
        // Window [Thursday 2024-02-29, Saturday 2026-02-28): the weeks of both ends are half inside.
        var start = new LocalDate(2024, 2, 29);
        var end = new LocalDate(2026, 2, 28);

        WeekInWindow(new LocalDate(2024, 2, 26), start, end).ShouldBeTrue();
        WeekInWindow(new LocalDate(2024, 2, 19), start, end).ShouldBeFalse();
        WeekInWindow(new LocalDate(2026, 2, 23), start, end).ShouldBeTrue();
        WeekInWindow(new LocalDate(2026, 3, 2), start, end).ShouldBeFalse();
    }

    [Fact]
    public void A_window_ending_on_a_monday_excludes_that_week()
    {
        var start = new LocalDate(2023, 4, 3);
        var end = new LocalDate(2025, 4, 7);

        WeekInWindow(new LocalDate(2025, 3, 31), start, end).ShouldBeTrue();
        WeekInWindow(end, start, end).ShouldBeFalse();
        WeekInWindow(new LocalDate(2023, 3, 27), start, end).ShouldBeFalse();
    }

    [Fact]
    public void The_register_wins_over_the_provider_and_the_disagreement_stays_visible()
    {
        var monday = new LocalDate(2023, 4, 10);
        var week = Build(
        [
            new Report(monday, StatusSource.Provider, WeeklyStatusKind.OrdinaryEmployment, 37_00),
            new Report(monday, StatusSource.Register, WeeklyStatusKind.SicknessBenefit, 4_00),
        ]).ShouldHaveSingleItem();

        week.Status.ShouldBe(WeeklyStatusKind.SicknessBenefit);
        week.DecidedBy.ShouldBe(StatusSource.Register);
        week.ProviderStatus.ShouldBe(WeeklyStatusKind.OrdinaryEmployment);
        week.RegisterStatus.ShouldBe(WeeklyStatusKind.SicknessBenefit);
        week.Disagreement.ShouldBeTrue();
        week.PaidHoursHundredths.ShouldBe(4_00);
        week.SelfSufficient.ShouldBeFalse();
    }

    [Fact]
    public void A_week_only_the_provider_reported_counts_as_the_provider_says()
    {
        var week = Build([new Report(new LocalDate(2023, 4, 17), StatusSource.Provider, WeeklyStatusKind.Education, 0)]).ShouldHaveSingleItem();

        (week.Status, week.DecidedBy, week.RegisterStatus, week.Disagreement, week.SelfSufficient)
            .ShouldBe((WeeklyStatusKind.Education, StatusSource.Provider, (WeeklyStatusKind?)null, false, true));
    }

    [Theory]
    [InlineData(WeeklyStatusKind.OrdinaryEmployment, true)]
    [InlineData(WeeklyStatusKind.Education, true)]
    [InlineData(WeeklyStatusKind.SelfSupportingOther, true)]
    [InlineData(WeeklyStatusKind.FlexJob, false)]
    [InlineData(WeeklyStatusKind.WorkPlacement, false)]
    [InlineData(WeeklyStatusKind.SicknessBenefit, false)]
    [InlineData(WeeklyStatusKind.JobClarificationBenefit, false)]
    [InlineData(WeeklyStatusKind.OtherPublicBenefit, false)]
    [InlineData(WeeklyStatusKind.DisabilityPension, false)]
    [InlineData(WeeklyStatusKind.MovedAway, false)]
    [InlineData(WeeklyStatusKind.Deceased, false)]
    [InlineData(WeeklyStatusKind.Unknown, false)]
    public void Only_weeks_without_public_benefit_are_self_sufficient(WeeklyStatusKind status, bool selfSufficient) =>
        IsSelfSufficient(status).ShouldBe(selfSufficient);

    [Property]
    public Property The_timeline_does_not_depend_on_the_order_of_the_reports() =>
        Prop.ForAll(Gen.Shuffle(Reports()).ToArbitrary(), shuffled =>
            Build(shuffled).SequenceEqual(Build(Reports())));

    /// <summary>A handful of weeks, some reported by one source, some by both.</summary>
    private static Report[] Reports()
    {
        var monday = new LocalDate(2024, 12, 23);
        return
        [
            new Report(monday, StatusSource.Provider, WeeklyStatusKind.OrdinaryEmployment, 30_00),
            new Report(monday, StatusSource.Register, WeeklyStatusKind.OrdinaryEmployment, 29_50),
            new Report(monday.PlusWeeks(1), StatusSource.Provider, WeeklyStatusKind.OrdinaryEmployment, 30_00),
            new Report(monday.PlusWeeks(1), StatusSource.Register, WeeklyStatusKind.OtherPublicBenefit, 0),
            new Report(monday.PlusWeeks(2), StatusSource.Register, WeeklyStatusKind.Education, 0),
            new Report(monday.PlusWeeks(3), StatusSource.Provider, WeeklyStatusKind.FlexJob, 15_00),
        ];
    }
}
