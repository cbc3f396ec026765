using FsCheck.Xunit;
using NodaTime;
using Partnerskab.Outcome.Claims;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Timeline;
using static Partnerskab.Outcome.Milestones.MilestoneEngine;

namespace Partnerskab.Outcome.Tests;

/// <summary>The milestone engine over hand-checked timelines; every date below was checked against a calendar.</summary>
public sealed class MilestoneEngineTests
{
    // Thursday 2024-02-29 (a leap day, in ISO week 2024-W09) + 24 months = Saturday 2026-02-28.
    private static readonly LocalDate LeapStart = new(2024, 2, 29);
    private static readonly LocalDate LeapEnd = new(2026, 2, 28);
    // Monday 2023-04-03 (2023-W14), the end-to-end tests' handover.
    private static readonly LocalDate Start = new(2023, 4, 3);
    private static readonly LocalDate End = new(2025, 4, 3);

    private static MilestoneDefinition FirstOutcome(string code, OutcomeKind kind) =>
        new() { Code = code, Description = "", RuleKind = MilestoneRuleKind.FirstVerifiedOutcome, OutcomeKind = kind };

    private static MilestoneDefinition Consecutive(int weeks) =>
        new() { Code = $"IN_A_ROW_{weeks}", Description = "", RuleKind = MilestoneRuleKind.ConsecutiveSelfSufficientWeeks, Weeks = weeks };

    private static MilestoneDefinition Cumulative(int weeks) =>
        new() { Code = $"IN_ALL_{weeks}", Description = "", RuleKind = MilestoneRuleKind.CumulativeSelfSufficientWeeks, Weeks = weeks };

    private static MilestoneDefinition AtMonth(int months) =>
        new() { Code = $"AT_MONTH_{months}", Description = "", RuleKind = MilestoneRuleKind.SelfSufficientAtMonth, Months = months };

    [Fact]
    public void The_first_verified_outcome_of_the_kind_reaches_the_milestone_on_its_date()
    {
        var early = Outcome(OutcomeKind.JobStart, 2024, 6, 3);
        var later = Outcome(OutcomeKind.JobStart, 2024, 9, 2);

        var milestone = Reach([FirstOutcome("JOB_START", OutcomeKind.JobStart)],
            Facts(LeapStart, LeapEnd, [later, early, Outcome(OutcomeKind.FlexJobStart, 2024, 3, 1)], [])).ShouldHaveSingleItem();

        (milestone.Code, milestone.AchievedOn).ShouldBe(("JOB_START", new LocalDate(2024, 6, 3)));
        milestone.BasisClaimIds.ShouldBe([early.ClaimId]);
        milestone.BasisWeekStarts.ShouldBeEmpty();
    }

    [Fact]
    public void Outcomes_count_from_the_leap_day_handover_up_to_but_not_on_the_window_end()
    {
        MilestoneDefinition[] definitions = [FirstOutcome("JOB_START", OutcomeKind.JobStart), FirstOutcome("EDUCATION", OutcomeKind.EducationStart)];

        Reach(definitions, Facts(LeapStart, LeapEnd, [Outcome(OutcomeKind.JobStart, 2024, 2, 28), Outcome(OutcomeKind.EducationStart, 2026, 2, 28)], []))
            .ShouldBeEmpty();
        Reach(definitions, Facts(LeapStart, LeapEnd, [Outcome(OutcomeKind.JobStart, 2024, 2, 29), Outcome(OutcomeKind.EducationStart, 2026, 2, 27)], []))
            .Select(r => (r.Code, r.AchievedOn)).ShouldBe([("EDUCATION", new LocalDate(2026, 2, 27)), ("JOB_START", new LocalDate(2024, 2, 29))]);
    }

    [Fact]
    public void A_revoked_claim_no_longer_reaches_the_milestone_and_another_verified_claim_stands_in()
    {
        var revoked = Outcome(OutcomeKind.JobStart, 2023, 6, 5);
        var other = Outcome(OutcomeKind.JobStart, 2023, 9, 4);
        MilestoneDefinition[] definitions = [FirstOutcome("JOB_START", OutcomeKind.JobStart)];

        Reach(definitions, Facts(Start, End, [revoked, other], [])).Single().BasisClaimIds.ShouldBe([revoked.ClaimId]);
        var now = Reach(definitions, Facts(Start, End, [other], [])).Single();
        (now.AchievedOn, now.BasisClaimIds.Single()).ShouldBe((new LocalDate(2023, 9, 4), other.ClaimId));
        Reach(definitions, Facts(Start, End, [], [])).ShouldBeEmpty();
    }

    [Fact]
    public void Consecutive_weeks_are_reached_on_the_sunday_of_the_last_week_and_rest_on_those_weeks()
    {
        var milestone = Reach([Consecutive(4)], Facts(Start, End, [], Provider(2023, WeeklyStatusKind.OrdinaryEmployment, 15, 16, 17, 18))).ShouldHaveSingleItem();

        milestone.AchievedOn.ShouldBe(new LocalDate(2023, 5, 7));
        milestone.BasisWeekStarts.ShouldBe([new(2023, 4, 10), new(2023, 4, 17), new(2023, 4, 24), new(2023, 5, 1)]);
        milestone.BasisClaimIds.ShouldBeEmpty();
    }

    [Fact]
    public void One_benefit_week_breaks_the_streak_and_the_count_starts_again()
    {
        var broken = Provider(2023, WeeklyStatusKind.OrdinaryEmployment, 15, 16, 17, 19, 20, 21)
            .Concat(Provider(2023, WeeklyStatusKind.SicknessBenefit, 18)).ToList();

        Reach([Consecutive(4)], Facts(Start, End, [], broken)).ShouldBeEmpty();
        var milestone = Reach([Consecutive(4)], Facts(Start, End, [], [.. broken, .. Provider(2023, WeeklyStatusKind.Education, 22)])).Single();
        milestone.AchievedOn.ShouldBe(new LocalDate(2023, 6, 4));
        milestone.BasisWeekStarts.First().ShouldBe(new LocalDate(2023, 5, 8));
    }

    [Fact]
    public void A_week_no_source_reported_breaks_the_streak_but_not_the_cumulative_count()
    {
        var withGap = Provider(2023, WeeklyStatusKind.OrdinaryEmployment, 15, 16, 18, 19);

        Reach([Consecutive(4)], Facts(Start, End, [], withGap)).ShouldBeEmpty();
        Reach([Cumulative(4)], Facts(Start, End, [], withGap)).Single().AchievedOn.ShouldBe(new LocalDate(2023, 5, 14));
    }

    [Fact]
    public void The_register_overrides_the_provider_and_a_flex_job_is_not_self_sufficient()
    {
        var provider = Provider(2023, WeeklyStatusKind.OrdinaryEmployment, 15, 16, 17, 18);
        var register = new[] { Week(2023, 17, StatusSource.Register, WeeklyStatusKind.FlexJob) };

        Reach([Consecutive(4)], Facts(Start, End, [], provider)).ShouldHaveSingleItem();
        Reach([Consecutive(4)], Facts(Start, End, [], [.. provider, .. register])).ShouldBeEmpty();
        var cumulative = Reach([Cumulative(3)], Facts(Start, End, [], [.. provider, .. register])).Single();
        cumulative.BasisWeekStarts.ShouldBe([new(2023, 4, 10), new(2023, 4, 17), new(2023, 5, 1)]);
        cumulative.AchievedOn.ShouldBe(new LocalDate(2023, 5, 7));
    }

    [Fact]
    public void A_week_half_inside_the_window_counts_at_the_start_and_at_the_end_where_it_is_dated_on_the_last_day()
    {
        // 2024-W09 runs Monday 2024-02-26 to Sunday 2024-03-03 and holds the leap-day handover.
        var atStart = Reach([Cumulative(1)], Facts(LeapStart, LeapEnd, [], Provider(2024, WeeklyStatusKind.OrdinaryEmployment, 8, 9))).Single();
        (atStart.BasisWeekStarts.Single(), atStart.AchievedOn).ShouldBe((new LocalDate(2024, 2, 26), new LocalDate(2024, 3, 3)));

        // 2026-W09 runs Monday 2026-02-23 to Sunday 2026-03-01; the window ends (exclusive) on Saturday 2026-02-28.
        var atEnd = Reach([Cumulative(2)], Facts(LeapStart, LeapEnd, [], Provider(2026, WeeklyStatusKind.OrdinaryEmployment, 8, 9, 10))).Single();
        atEnd.BasisWeekStarts.ShouldBe([new(2026, 2, 16), new(2026, 2, 23)]);
        atEnd.AchievedOn.ShouldBe(new LocalDate(2026, 2, 27));
        Reach([Cumulative(3)], Facts(LeapStart, LeapEnd, [], Provider(2026, WeeklyStatusKind.OrdinaryEmployment, 8, 9, 10))).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(2020, "2020-12-21", "2020-12-28", "2021-01-04", "2021-01-10")]
    [InlineData(2026, "2026-12-21", "2026-12-28", "2027-01-04", "2027-01-10")]
    public void A_streak_runs_through_iso_week_53_and_a_missing_week_53_breaks_it(int year, string week52, string week53, string week1, string sunday)
    {
        var start = new LocalDate(year, 6, 1);
        var end = start.PlusMonths(24);
        var through = Provider(year, WeeklyStatusKind.OrdinaryEmployment, 52, 53).Concat(Provider(year + 1, WeeklyStatusKind.SelfSupportingOther, 1)).ToList();

        var milestone = Reach([Consecutive(3)], Facts(start, end, [], through)).Single();
        milestone.BasisWeekStarts.ShouldBe([Day(week52), Day(week53), Day(week1)]);
        milestone.AchievedOn.ShouldBe(Day(sunday));
        Reach([Consecutive(3)], Facts(start, end, [], through.Where(r => r.WeekStart != Day(week53)).ToList())).ShouldBeEmpty();
    }

    [Fact]
    public void The_status_at_a_month_is_the_week_containing_the_leap_day_handover_plus_the_months()
    {
        // 2024-02-29 + 1 month = Friday 2024-03-29 (2024-W13); + 12 months = Friday 2025-02-28 (2025-W09).
        var month1 = Reach([AtMonth(1)], Facts(LeapStart, LeapEnd, [], Provider(2024, WeeklyStatusKind.Education, 13))).Single();
        (month1.BasisWeekStarts.Single(), month1.AchievedOn).ShouldBe((new LocalDate(2024, 3, 25), new LocalDate(2024, 3, 31)));
        Reach([AtMonth(1)], Facts(LeapStart, LeapEnd, [], Provider(2024, WeeklyStatusKind.Education, 12, 14))).ShouldBeEmpty();

        var month12 = Reach([AtMonth(12)], Facts(LeapStart, LeapEnd, [], Provider(2025, WeeklyStatusKind.OrdinaryEmployment, 9))).Single();
        (month12.BasisWeekStarts.Single(), month12.AchievedOn).ShouldBe((new LocalDate(2025, 2, 24), new LocalDate(2025, 3, 2)));
        Reach([AtMonth(12)], Facts(LeapStart, LeapEnd, [], Provider(2025, WeeklyStatusKind.SicknessBenefit, 9))).ShouldBeEmpty();
    }

    [Fact]
    public void The_status_at_the_follow_ups_last_month_is_its_last_days()
    {
        // 2024-02-29 + 24 months = Saturday 2026-02-28, the window's (exclusive) end, so month 24 is
        // read on Friday 2026-02-27, in 2026-W09 (Monday 2026-02-23).
        var month24 = Reach([AtMonth(24)], Facts(LeapStart, LeapEnd, [], Provider(2026, WeeklyStatusKind.OrdinaryEmployment, 9))).Single();
        (month24.BasisWeekStarts.Single(), month24.AchievedOn).ShouldBe((new LocalDate(2026, 2, 23), new LocalDate(2026, 2, 27)));
        Reach([AtMonth(24)], Facts(LeapStart, LeapEnd, [], Provider(2026, WeeklyStatusKind.SicknessBenefit, 9))).ShouldBeEmpty();
        Reach([AtMonth(24)], Facts(LeapStart, LeapEnd, [], Provider(2026, WeeklyStatusKind.OrdinaryEmployment, 10))).ShouldBeEmpty();
        Reach([AtMonth(25)], Facts(LeapStart, LeapEnd, [], Provider(2026, WeeklyStatusKind.OrdinaryEmployment, 9, 13))).ShouldBeEmpty();
    }

    [Fact]
    public void The_status_at_a_month_at_or_after_an_exit_is_never_reached()
    {
        // An exit on 2026-02-27 ends the window before month 24's day.
        Reach([AtMonth(24)], Facts(LeapStart, new LocalDate(2026, 2, 27), [], Provider(2026, WeeklyStatusKind.OrdinaryEmployment, 9))).ShouldBeEmpty();
        // An exit on 2025-02-28 ends the window on the month-12 day itself.
        Reach([AtMonth(12)], Facts(LeapStart, new LocalDate(2025, 2, 28), [], Provider(2025, WeeklyStatusKind.OrdinaryEmployment, 9))).ShouldBeEmpty();
        Reach([AtMonth(12)], Facts(LeapStart, new LocalDate(2025, 3, 1), [], Provider(2025, WeeklyStatusKind.OrdinaryEmployment, 9)))
            .Single().AchievedOn.ShouldBe(new LocalDate(2025, 2, 28));
    }

    [Property]
    public bool The_same_facts_in_any_order_or_twice_give_the_same_milestones(int[] weekOffsets, int[] statuses, int[] dayOffsets, int seed)
    {
        var reports = weekOffsets.Zip(statuses, (offset, status) => new WeeklyTimeline.Report(
                Start.PlusWeeks(Math.Abs(offset % 120) - 5).PlusDays(-(int)Start.DayOfWeek + 1),
                Math.Abs(status) % 2 == 0 ? StatusSource.Provider : StatusSource.Register,
                (WeeklyStatusKind)(Math.Abs(status / 2 % 12) + 1),
                0))
            .DistinctBy(r => (r.WeekStart, r.Source))
            .ToList();
        var outcomes = dayOffsets
            .Select((offset, i) => new VerifiedOutcome(new Guid(i + 1, 0, 0, new byte[8]), (OutcomeKind)(Math.Abs(offset) % 5 + 1), Start.PlusDays(Math.Abs(offset % 900) - 60)))
            .ToList();
        MilestoneDefinition[] definitions =
        [
            FirstOutcome("JOB_START", OutcomeKind.JobStart), FirstOutcome("EDUCATION", OutcomeKind.EducationStart),
            Consecutive(3), Cumulative(5), AtMonth(3), AtMonth(6),
        ];
        var random = new Random(seed);

        var once = Reach(definitions, Facts(Start, End, outcomes, reports));
        var again = Reach(definitions.Reverse(), Facts(Start, End,
            outcomes.Concat(outcomes).OrderBy(_ => random.Next()).ToList(),
            reports.Concat(reports).OrderBy(_ => random.Next()).ToList()));
        return once.Select(Describe).SequenceEqual(again.Select(Describe));
    }

    private static string Describe(Reached r) => $"{r.Code} {r.AchievedOn} {string.Join(",", r.BasisClaimIds)} {string.Join(",", r.BasisWeekStarts)}";

    /// <summary>The facts of a 24-month follow-up from <paramref name="start"/> whose window ends at <paramref name="end"/> (earlier at an exit).</summary>
    /// <summary>A 24-month follow-up that counts until <paramref name="end"/>: its end, or an exit before it.</summary>
    private static Facts Facts(LocalDate start, LocalDate end, IReadOnlyCollection<VerifiedOutcome> outcomes, IReadOnlyCollection<WeeklyTimeline.Report> reports) =>
        new(new FollowUpWindow(start, start.PlusMonths(24), end), outcomes, DecidedWeeks.Of(start, WeeklyTimeline.Build(reports.Distinct())));

    private static LocalDate Day(string isoDate) => LocalDate.FromDateTime(DateTime.Parse(isoDate, System.Globalization.CultureInfo.InvariantCulture));

    private static VerifiedOutcome Outcome(OutcomeKind kind, int year, int month, int day) =>
        new(Guid.NewGuid(), kind, new LocalDate(year, month, day));

    private static WeeklyTimeline.Report Week(int isoYear, int isoWeek, StatusSource source, WeeklyStatusKind status) =>
        new(WeeklyTimeline.WeekStart(isoYear, isoWeek) ?? throw new ArgumentException($"{isoYear} has no week {isoWeek}"), source, status, 0);

    private static List<WeeklyTimeline.Report> Provider(int isoYear, WeeklyStatusKind status, params int[] isoWeeks) =>
        isoWeeks.Select(w => Week(isoYear, w, StatusSource.Provider, status)).ToList();
}
