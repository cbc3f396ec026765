using NodaTime;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Timeline;
using static Partnerskab.Outcome.Timeline.StatusRowFate;

namespace Partnerskab.Outcome.Tests;

public sealed class StatusRowFateTests
{
    private static readonly string CitizenId = new('c', 32);
    // Monday 2023-04-03 (2023-W14) + 24 months.
    private static readonly FollowUpCitizen Citizen = new() { CitizenId = CitizenId, FollowUpStart = new(2023, 4, 3), FollowUpEnd = new(2025, 4, 3) };

    [Fact]
    public void A_week_the_source_has_not_reported_is_new()
    {
        Decide(Row(2023, 4, 10, WeeklyStatusKind.Education), Citizen, stored: null).ShouldBeOfType<New>();
    }

    [Fact]
    public void The_same_status_and_hours_again_is_unchanged_and_anything_else_replaces_the_stored_report()
    {
        var stored = Row(2023, 4, 10, WeeklyStatusKind.OrdinaryEmployment, 37_00);
        Decide(Row(2023, 4, 10, WeeklyStatusKind.OrdinaryEmployment, 37_00), Citizen, stored).ShouldBeOfType<Unchanged>();
        Decide(Row(2023, 4, 10, WeeklyStatusKind.OrdinaryEmployment, 30_00), Citizen, stored).ShouldBe(new Replaced(stored));
        Decide(Row(2023, 4, 10, WeeklyStatusKind.SicknessBenefit, 37_00), Citizen, stored).ShouldBe(new Replaced(stored));
    }

    [Fact]
    public void A_citizen_not_handed_over_here_is_rejected_on_the_citizen_id()
    {
        Decide(Row(2023, 4, 10, WeeklyStatusKind.Education), citizen: null, stored: null).ShouldBeOfType<Rejected>().Field.ShouldBe("citizen_id");
    }

    [Fact]
    public void A_week_with_no_day_in_follow_up_is_rejected_on_the_iso_week_and_a_half_inside_week_counts()
    {
        // 2023-W13 ends on Sunday 2023-04-02, the day before the handover; 2025-W14 starts on 2025-03-31, inside.
        var before = Decide(Row(2023, 3, 27, WeeklyStatusKind.Education), Citizen, null).ShouldBeOfType<Rejected>();
        (before.Field, before.Reason).ShouldBe(("iso_week", "the week of 2023-03-27 is outside the citizen's follow-up window 2023-04-03 to 2025-04-03 (end exclusive)"));
        Decide(Row(2025, 3, 31, WeeklyStatusKind.Education), Citizen, null).ShouldBeOfType<New>();
        Decide(Row(2025, 4, 7, WeeklyStatusKind.Education), Citizen, null).ShouldBeOfType<Rejected>();
    }

    [Fact]
    public void After_an_exit_the_exit_week_and_later_are_rejected_and_a_wrongly_enrolled_citizen_has_no_week()
    {
        // Exit on Monday 2023-05-01: 2023-W17 is the last week in follow-up.
        var exited = new FollowUpCitizen
        {
            CitizenId = CitizenId, FollowUpStart = Citizen.FollowUpStart, FollowUpEnd = Citizen.FollowUpEnd, ExitDate = new(2023, 5, 1), ExitReason = Contracts.ExitReason.Withdrew,
        };
        Decide(Row(2023, 4, 24, WeeklyStatusKind.Education), exited, null).ShouldBeOfType<New>();
        Decide(Row(2023, 5, 1, WeeklyStatusKind.Education), exited, null).ShouldBeOfType<Rejected>().Reason.ShouldContain("exit on 2023-05-01");
        var wronglyEnrolled = new FollowUpCitizen
        {
            CitizenId = CitizenId, FollowUpStart = Citizen.FollowUpStart, FollowUpEnd = Citizen.FollowUpEnd,
            ExitDate = new(2023, 5, 1), ExitReason = Contracts.ExitReason.WronglyEnrolled,
        };
        Decide(Row(2023, 4, 10, WeeklyStatusKind.Education), wronglyEnrolled, null).ShouldBeOfType<Rejected>().Reason.ShouldContain("wrongly enrolled");
    }

    [Fact]
    public void A_comparison_citizens_week_is_new_until_the_same_status_comes_again_and_a_cohort_citizen_is_never_one()
    {
        var latest = Comparison(WeeklyStatusKind.SicknessBenefit, 0);
        DecideComparison(Comparison(WeeklyStatusKind.SicknessBenefit, 0), handedOver: false, latest: null).ShouldBeOfType<New>();
        DecideComparison(Comparison(WeeklyStatusKind.SicknessBenefit, 0), handedOver: false, latest).ShouldBeOfType<Unchanged>();
        DecideComparison(Comparison(WeeklyStatusKind.SicknessBenefit, 10_00), handedOver: false, latest).ShouldBeOfType<New>();
        DecideComparison(Comparison(WeeklyStatusKind.OrdinaryEmployment, 0), handedOver: false, latest).ShouldBeOfType<New>();
        var rejected = DecideComparison(Comparison(WeeklyStatusKind.SicknessBenefit, 0), handedOver: true, latest: null).ShouldBeOfType<Rejected>();
        (rejected.Field, rejected.Reason).ShouldBe(("citizen_id", HandedOverToComparisonReason));
    }

    private static Partnerskab.Outcome.Comparison.ComparisonStatusReport Comparison(WeeklyStatusKind status, int paidHours) => new()
    {
        CitizenId = CitizenId, WeekStart = new LocalDate(2023, 4, 10), Status = status, PaidHoursHundredths = paidHours,
    };

    private static WeeklyStatusReport Row(int year, int month, int monday, WeeklyStatusKind status, int paidHours = 0) => new()
    {
        CitizenId = CitizenId, WeekStart = new LocalDate(year, month, monday), Source = StatusSource.Provider, Status = status, PaidHoursHundredths = paidHours,
    };
}
