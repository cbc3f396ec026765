using NodaTime;
using Partnerskab.Outcome.Claims;
using Partnerskab.Outcome.Reports;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Timeline;
using static Partnerskab.Outcome.Reports.CommitteeReport;

namespace Partnerskab.Outcome.Tests;

/// <summary>The committee's report over a small hand-checked cohort.</summary>
public sealed class CommitteeReportTests
{
    private const string C1 = "11111111111111111111111111111111";
    private const string C2 = "22222222222222222222222222222222";
    private const string C3 = "33333333333333333333333333333333";
    private const string C4 = "44444444444444444444444444444444";
    private static readonly LocalDate AsOf = D(2023, 7, 31);

    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static WeeklyTimeline.Week Week(LocalDate monday, WeeklyStatusKind status) => new(monday, status, StatusSource.Register, null, status, 0);

    private static Citizen Followed(string citizenId, FollowUpWindow window, WeeklyTimeline.Week[] weeks) => new(citizenId, window, DecidedWeeks.Of(window.Start, weeks));

    private static KpiTarget Target(string code, KpiMeasure measure, int target, OutcomeKind? kind = null, string? milestone = null) =>
        new() { Code = code, Description = "", Measure = measure, Target = target, OutcomeKind = kind, MilestoneCode = milestone };

    // C1 from Monday 2023-04-03, C2 from Monday 2023-04-17 until it exits on Monday 2023-05-15, C3 from Tuesday 2023-05-02,
    // C4 handed over after the day reported on.
    private static readonly Given Cohort = new(
        [
            Followed(C1, new FollowUpWindow(D(2023, 4, 3), D(2025, 4, 3), null), [
                Week(D(2023, 4, 24), WeeklyStatusKind.SicknessBenefit),      // contains Sunday 2023-04-30
                Week(D(2023, 5, 29), WeeklyStatusKind.OrdinaryEmployment),   // contains Wednesday 2023-05-31
                Week(D(2023, 7, 3), WeeklyStatusKind.OrdinaryEmployment),    // 3 months after handover
            ]),
            Followed(C2, new FollowUpWindow(D(2023, 4, 17), D(2025, 4, 17), D(2023, 5, 15)), [Week(D(2023, 4, 24), WeeklyStatusKind.FlexJob)]),
            Followed(C3, new FollowUpWindow(D(2023, 5, 2), D(2025, 5, 2), null), []),
            Followed(C4, new FollowUpWindow(D(2023, 8, 1), D(2025, 8, 1), null), [Week(D(2023, 7, 31), WeeklyStatusKind.Education)]),
        ],
        [
            new VerifiedOutcome(C1, OutcomeKind.JobStart, D(2023, 5, 29), "11111111"),
            new VerifiedOutcome(C2, OutcomeKind.FlexJobStart, D(2023, 4, 24), "22222222"),
            new VerifiedOutcome(C1, OutcomeKind.JobStart, D(2023, 8, 15), "33333333"),
            new VerifiedOutcome(C4, OutcomeKind.JobStart, D(2023, 7, 1), "44444444"),
        ],
        [new StandingMilestone(C1, "JOB_START", D(2023, 5, 29)), new StandingMilestone(C3, "JOB_START", D(2023, 8, 1))],
        ["JOB_START", "AT_MONTH_3"],
        [
            Target("ORDINARY_JOBS", KpiMeasure.CitizensWithOutcome, 5, OutcomeKind.JobStart),
            Target("FLEX_JOBS", KpiMeasure.CitizensWithOutcome, 6, OutcomeKind.FlexJobStart),
            Target("COMPANIES", KpiMeasure.Employers, 12),
            Target("PAID_JOB_STARTS", KpiMeasure.CitizensWithMilestone, 3, milestone: "JOB_START"),
        ]);

    /// <summary>Every citizen's facts, as the report computed from the citizens takes them.</summary>
    private sealed record Given(IReadOnlyList<Citizen> Citizens, IReadOnlyList<VerifiedOutcome> Outcomes, IReadOnlyList<StandingMilestone> Milestones,
        IReadOnlyList<string> MilestoneCodes, IReadOnlyList<KpiTarget> Targets);

    private static Report Build(Given given, LocalDate asOf) =>
        CommitteeReport.Build(CommitteeReport.FromCitizens(given.Citizens, given.Outcomes, given.Milestones, given.MilestoneCodes, given.Targets, asOf), asOf);

    private static string Row(Month m) =>
        $"{m.YearMonth:uuuu-MM} on {m.CountedOn:uuuu-MM-dd}: {m.InFollowUp} in, {m.Completed} completed, {m.Exited} exited, {m.SelfSufficient} self-sufficient; "
        + string.Join(", ", m.Counts.Where(c => c.Citizens > 0).Select(c => $"{c.Status?.ToString() ?? "not reported"} {c.Citizens}"));

    [Fact]
    public void Citizens_are_counted_each_month_by_the_status_of_the_week_containing_its_last_day()
    {
        var report = Build(Cohort, AsOf);

        report.HandedOver.ShouldBe(3);
        report.Months.Select(Row).ShouldBe([
            "2023-04 on 2023-04-30: 2 in, 0 completed, 0 exited, 0 self-sufficient; SicknessBenefit 1, FlexJob 1",
            "2023-05 on 2023-05-31: 2 in, 0 completed, 1 exited, 1 self-sufficient; not reported 1, OrdinaryEmployment 1",
            "2023-06 on 2023-06-30: 2 in, 0 completed, 1 exited, 0 self-sufficient; not reported 2",
            "2023-07 on 2023-07-31: 2 in, 0 completed, 1 exited, 0 self-sufficient; not reported 2",
        ]);
        report.Months.ShouldAllBe(m => m.Counts.Count == 13);
    }

    [Fact]
    public void Targets_are_read_against_actuals_from_verified_outcomes_and_standing_milestones_dated_by_the_day()
    {
        var report = Build(Cohort, AsOf);

        report.Kpis.Select(k => (k.Target.Code, k.Target.Target, k.Actual)).ShouldBe([
            ("COMPANIES", 12, 2), ("FLEX_JOBS", 6, 1), ("ORDINARY_JOBS", 5, 1), ("PAID_JOB_STARTS", 3, 1),
        ]);
        report.Milestones.ShouldBe([new MilestoneCount("AT_MONTH_3", 0), new MilestoneCount("JOB_START", 1)]);
    }

    [Fact]
    public void The_share_self_sufficient_at_a_month_counts_only_citizens_who_reached_it_in_follow_up()
    {
        var report = Build(Cohort, AsOf);

        report.SelfSufficiency.ShouldBe([
            new AtMonth(3, 1, 1, 0, 1),
            new AtMonth(6, 0, 0, 0, 0),
            new AtMonth(12, 0, 0, 0, 0),
            new AtMonth(24, 0, 0, 0, 0),
        ]);
        report.SelfSufficiency[0].ShareBasisPoints.ShouldBe(10_000);
        new AtMonth(3, 3, 2, 1, 0).ShareBasisPoints.ShouldBe(6667);
        new AtMonth(3, 8, 1, 0, 0).ShareBasisPoints.ShouldBe(1250);
    }

    [Fact]
    public void Closed_out_citizens_are_counted_by_the_status_of_their_last_week_in_follow_up()
    {
        var withFinalWeek = Cohort with
        {
            Citizens = [.. Cohort.Citizens.Select(c => c.CitizenId == C2 ? Followed(C2, c.Window, [Week(D(2023, 4, 24), WeeklyStatusKind.FlexJob), Week(D(2023, 5, 8), WeeklyStatusKind.MovedAway)]) : c)],
        };

        Build(Cohort, AsOf).FinalStatuses.Where(s => s.Citizens > 0).ShouldBe([new StatusCount(null, 1)]);
        Build(withFinalWeek, AsOf).FinalStatuses.Where(s => s.Citizens > 0).ShouldBe([new StatusCount(WeeklyStatusKind.MovedAway, 1)]);
        Build(withFinalWeek, D(2023, 5, 14)).FinalStatuses.Where(s => s.Citizens > 0).ShouldBeEmpty();
    }

    [Fact]
    public void A_past_day_gives_the_months_it_had_and_the_later_report_repeats_every_month_that_had_ended()
    {
        var earlier = Build(Cohort, D(2023, 6, 30));
        var later = Build(Cohort, AsOf);

        earlier.Months.Select(Row).ShouldBe(later.Months.Take(3).Select(Row));
        Build(Cohort, D(2023, 4, 3)).ShouldSatisfyAllConditions(
            r => r.HandedOver.ShouldBe(1),
            r => r.Months.Select(Row).ShouldBe(["2023-04 on 2023-04-03: 1 in, 0 completed, 0 exited, 0 self-sufficient; not reported 1"]),
            r => r.Kpis.ShouldAllBe(k => k.Actual == 0));
    }

    [Fact]
    public void A_window_that_ran_its_length_counts_as_completed_and_24_months_is_its_last_week()
    {
        // Handover on the leap day: 24 months later is Saturday 2026-02-28, so the last day is Friday 2026-02-27 (week of 2026-02-23).
        var facts = new Given([Followed(C1, new FollowUpWindow(D(2024, 2, 29), D(2026, 2, 28), null), [Week(D(2026, 2, 23), WeeklyStatusKind.Education)])],
            [], [], [], []);

        var report = Build(facts, D(2026, 3, 31));

        Row(report.Months[^1]).ShouldBe("2026-03 on 2026-03-31: 0 in, 1 completed, 0 exited, 0 self-sufficient; ");
        Row(report.Months[^2]).ShouldBe("2026-02 on 2026-02-28: 0 in, 1 completed, 0 exited, 0 self-sufficient; ");
        report.SelfSufficiency.Single(s => s.Months == 24).ShouldBe(new AtMonth(24, 1, 1, 0, 0));
        report.SelfSufficiency.Single(s => s.Months == 12).ShouldBe(new AtMonth(12, 1, 0, 1, 0));
        report.FinalStatuses.Where(s => s.Citizens > 0).ShouldBe([new StatusCount(WeeklyStatusKind.Education, 1)]);
    }
}
