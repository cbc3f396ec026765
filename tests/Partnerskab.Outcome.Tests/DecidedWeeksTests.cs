using NodaTime;
using Partnerskab.Outcome.Timeline;
using Shouldly;

namespace Partnerskab.Outcome.Tests;

public sealed class DecidedWeeksTests
{
    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static WeeklyTimeline.Week Week(LocalDate monday, WeeklyStatusKind status) => new(monday, status, StatusSource.Provider, status, null, 0);

    [Fact]
    public void A_week_is_counted_from_the_week_containing_the_follow_up_start_and_an_unreported_week_has_no_status()
    {
        // Wednesday 2023-04-19 is in the week of Monday 2023-04-17.
        var bytes = DecidedWeeks.Encode(D(2023, 4, 19), [Week(D(2023, 5, 1), WeeklyStatusKind.OrdinaryEmployment), Week(D(2023, 4, 17), WeeklyStatusKind.SicknessBenefit)]);
        var weeks = new DecidedWeeks(D(2023, 4, 19), bytes);

        bytes.ShouldBe(new byte[] { (byte)WeeklyStatusKind.SicknessBenefit, 0, (byte)WeeklyStatusKind.OrdinaryEmployment });
        weeks.StatusIn(D(2023, 4, 17)).ShouldBe(WeeklyStatusKind.SicknessBenefit);
        weeks.StatusOn(D(2023, 4, 23)).ShouldBe(WeeklyStatusKind.SicknessBenefit);
        weeks.StatusIn(D(2023, 4, 24)).ShouldBeNull();
        weeks.StatusOn(D(2023, 5, 7)).ShouldBe(WeeklyStatusKind.OrdinaryEmployment);
        weeks.StatusIn(D(2023, 5, 8)).ShouldBeNull();
        weeks.StatusIn(D(2023, 4, 10)).ShouldBeNull();
    }

    [Fact]
    public void The_register_decides_a_week_both_sources_reported_as_on_the_timeline()
    {
        var timeline = WeeklyTimeline.Build([
            new WeeklyTimeline.Report(D(2023, 4, 17), StatusSource.Provider, WeeklyStatusKind.OrdinaryEmployment, 3700),
            new WeeklyTimeline.Report(D(2023, 4, 17), StatusSource.Register, WeeklyStatusKind.JobClarificationBenefit, 0),
        ]);

        var weeks = DecidedWeeks.Of(D(2023, 4, 17), timeline);

        weeks.StatusIn(D(2023, 4, 17)).ShouldBe(WeeklyStatusKind.JobClarificationBenefit);
        weeks.In(D(2023, 4, 17)).ShouldBe(new DecidedWeek(D(2023, 4, 17), WeeklyStatusKind.JobClarificationBenefit, StatusSource.Register));
    }

    [Fact]
    public void New_reports_change_the_weeks_as_the_timeline_of_all_reports_decides_them()
    {
        var provider = (LocalDate week, WeeklyStatusKind status) => new WeeklyTimeline.Report(week, StatusSource.Provider, status, 0);
        var register = (LocalDate week, WeeklyStatusKind status) => new WeeklyTimeline.Report(week, StatusSource.Register, status, 0);
        WeeklyTimeline.Report[] before = [provider(D(2023, 4, 17), WeeklyStatusKind.SicknessBenefit), register(D(2023, 4, 24), WeeklyStatusKind.FlexJob)];
        WeeklyTimeline.Report[] added =
        [
            register(D(2023, 4, 17), WeeklyStatusKind.JobClarificationBenefit),
            provider(D(2023, 4, 24), WeeklyStatusKind.OrdinaryEmployment),
            provider(D(2023, 5, 8), WeeklyStatusKind.Education),
            provider(D(2023, 4, 3), WeeklyStatusKind.Education),
        ];
        var start = D(2023, 4, 19);
        var old = DecidedWeeks.Encode(start, WeeklyTimeline.Build(before));

        var now = new DecidedWeeks(start, old).With(added);

        now.ShouldBe(DecidedWeeks.Encode(start, WeeklyTimeline.Build(before.Concat(added))));
        new DecidedWeeks(start, now).Reported().ShouldBe([
            new DecidedWeek(D(2023, 4, 17), WeeklyStatusKind.JobClarificationBenefit, StatusSource.Register),
            new DecidedWeek(D(2023, 4, 24), WeeklyStatusKind.FlexJob, StatusSource.Register),
            new DecidedWeek(D(2023, 5, 8), WeeklyStatusKind.Education, StatusSource.Provider),
        ]);
        old.ShouldBe(DecidedWeeks.Encode(start, WeeklyTimeline.Build(before)));
    }

    [Fact]
    public void Weeks_before_the_follow_up_are_not_kept_and_no_weeks_read_as_unreported()
    {
        DecidedWeeks.Encode(D(2023, 4, 17), [Week(D(2023, 4, 10), WeeklyStatusKind.FlexJob)]).ShouldBeEmpty();
        new DecidedWeeks(D(2023, 4, 17), []).StatusIn(D(2023, 4, 17)).ShouldBeNull();
    }
}
