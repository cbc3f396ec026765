using NodaTime;
using Partnerskab.Outcome.Checkpoints;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Timeline;
using static Partnerskab.Outcome.Checkpoints.FollowUpSchedule;

namespace Partnerskab.Outcome.Tests;

/// <summary>The follow-up schedule over hand-checked calendars; every date below was checked against a calendar.</summary>
public sealed class FollowUpScheduleTests
{
    // Monday 2023-04-03 (2023-W14) + 24 months = Thursday 2025-04-03: 731 days, 26 whole 4-week periods and a 3-day stub.
    private static readonly FollowUpWindow Haderslev = new(new LocalDate(2023, 4, 3), new LocalDate(2025, 4, 3), null);
    // Thursday 2024-02-29 + 24 months = Saturday 2026-02-28: 730 days.
    private static readonly FollowUpWindow Leap = new(new LocalDate(2024, 2, 29), new LocalDate(2026, 2, 28), null);

    private static readonly FollowUpPlan Plan = new() { ContactIntervalWeeks = 4, StatusCheckpointMonths = [3, 6, 12, 18, 24], NoContactDays = 30 };

    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static WeeklyTimeline.Week Week(LocalDate monday, WeeklyStatusKind status) => new(monday, status, StatusSource.Provider, status, null, 0);

    private static Schedule Build(FollowUpWindow window, LocalDate asOf, LocalDate[]? contacts = null, WeeklyTimeline.Week[]? weeks = null, FollowUpPlan? plan = null) =>
        FollowUpSchedule.Build(plan ?? Plan, window, asOf, contacts ?? [], DecidedWeeks.Of(window.Start, weeks ?? []));

    [Fact]
    public void A_24_month_window_has_26_whole_contact_periods_and_the_stub_at_its_end_has_none()
    {
        var contacts = Build(Haderslev, D(2023, 4, 3)).Checkpoints.Where(c => c.Kind == CheckpointKind.Contact).ToList();

        contacts.Count.ShouldBe(26);
        (contacts[0].PeriodStart, contacts[0].DueOn).ShouldBe((D(2023, 4, 3), D(2023, 4, 30)));
        (contacts[1].PeriodStart, contacts[1].DueOn).ShouldBe((D(2023, 5, 1), D(2023, 5, 28)));
        (contacts[^1].PeriodStart, contacts[^1].DueOn).ShouldBe((D(2025, 3, 3), D(2025, 3, 30)));
        contacts.ShouldAllBe(c => c.State == CheckpointState.Upcoming);
    }

    [Fact]
    public void Status_checkpoints_fall_in_the_iso_week_of_handover_plus_m_months_and_24_months_is_the_close_out_of_the_last_week()
    {
        var statuses = Build(Haderslev, D(2023, 4, 3)).Checkpoints.Where(c => c.Kind != CheckpointKind.Contact)
            .Select(c => (c.Kind, c.Months, c.PeriodStart, c.DueOn)).ToList();

        statuses.ShouldBe([
            (CheckpointKind.Status, 3, D(2023, 7, 3), D(2023, 7, 9)),     // 2023-07-03 is a Monday
            (CheckpointKind.Status, 6, D(2023, 10, 2), D(2023, 10, 8)),   // Tuesday 2023-10-03
            (CheckpointKind.Status, 12, D(2024, 4, 1), D(2024, 4, 7)),    // Wednesday 2024-04-03
            (CheckpointKind.Status, 18, D(2024, 9, 30), D(2024, 10, 6)),  // Thursday 2024-10-03, in a week that starts in September
            (CheckpointKind.CloseOut, 0, D(2025, 3, 31), D(2025, 4, 6)),  // the window's last day, Wednesday 2025-04-02
        ]);
    }

    [Fact]
    public void A_leap_day_handover_reaches_each_month_on_the_same_day_or_the_end_months_last_day()
    {
        var schedule = Build(Leap, D(2024, 2, 29));

        schedule.Checkpoints.Where(c => c.Kind != CheckpointKind.Contact).Select(c => (c.Months, c.PeriodStart)).ShouldBe([
            (3, D(2024, 5, 27)),   // 2024-05-29
            (6, D(2024, 8, 26)),   // 2024-08-29
            (12, D(2025, 2, 24)),  // 2025-02-28: February 2025 has no 29th
            (18, D(2025, 8, 25)),  // 2025-08-29
            (0, D(2026, 2, 23)),   // close-out: the last day is Friday 2026-02-27
        ]);
        var contacts = schedule.Checkpoints.Where(c => c.Kind == CheckpointKind.Contact).ToList();
        contacts.Count.ShouldBe(26);
        (contacts[^1].PeriodStart, contacts[^1].DueOn).ShouldBe((D(2026, 1, 29), D(2026, 2, 25)));
    }

    [Fact]
    public void A_handover_at_a_month_end_keeps_to_month_ends()
    {
        var window = new FollowUpWindow(D(2023, 8, 31), D(2025, 8, 31), null);

        Build(window, D(2023, 8, 31)).Checkpoints.Where(c => c.Kind == CheckpointKind.Status).Select(c => (c.Months, c.PeriodStart)).ShouldBe([
            (3, D(2023, 11, 27)),  // 2023-11-30, Thursday
            (6, D(2024, 2, 26)),   // 2024-02-29, a leap day
            (12, D(2024, 8, 26)),  // 2024-08-31, Saturday
            (18, D(2025, 2, 24)),  // 2025-02-28
        ]);
    }

    [Fact]
    public void A_contact_inside_a_period_meets_it_on_its_last_day_and_the_next_day_belongs_to_the_next_period()
    {
        var schedule = Build(Haderslev, D(2023, 6, 1), [D(2023, 4, 30), D(2023, 5, 29)]);
        var contacts = schedule.Checkpoints.Where(c => c.Kind == CheckpointKind.Contact).Take(3).Select(c => c.State).ToList();

        contacts.ShouldBe([CheckpointState.Met, CheckpointState.Overdue, CheckpointState.Met]);
    }

    [Fact]
    public void A_checkpoint_is_upcoming_on_its_due_day_and_overdue_the_day_after()
    {
        Build(Haderslev, D(2023, 4, 30)).Checkpoints[0].State.ShouldBe(CheckpointState.Upcoming);
        Build(Haderslev, D(2023, 5, 1)).Checkpoints[0].State.ShouldBe(CheckpointState.Overdue);

        var status = (LocalDate asOf, WeeklyTimeline.Week[] weeks) => Build(Haderslev, asOf, weeks: weeks).Checkpoints.Single(c => c.Months == 3).State;
        status(D(2023, 7, 9), []).ShouldBe(CheckpointState.Upcoming);
        status(D(2023, 7, 10), []).ShouldBe(CheckpointState.Overdue);
        status(D(2023, 7, 10), [Week(D(2023, 7, 3), WeeklyStatusKind.SicknessBenefit)]).ShouldBe(CheckpointState.Met);
    }

    [Fact]
    public void Contacts_after_the_day_judged_do_not_count_so_a_past_day_reproduces()
    {
        var contacts = new[] { D(2023, 4, 20) };

        Build(Haderslev, D(2023, 4, 19), contacts).LastContactOn.ShouldBeNull();
        Build(Haderslev, D(2023, 4, 20), contacts).LastContactOn.ShouldBe(D(2023, 4, 20));
    }

    [Fact]
    public void A_citizen_is_left_without_contact_after_more_than_the_plans_days()
    {
        var contacts = new[] { D(2023, 4, 10) };

        Build(Haderslev, D(2023, 5, 10), contacts).ShouldSatisfyAllConditions(
            s => s.DaysWithoutContact.ShouldBe(30),
            s => s.LeftWithoutContact.ShouldBeFalse());
        Build(Haderslev, D(2023, 5, 11), contacts).ShouldSatisfyAllConditions(
            s => s.DaysWithoutContact.ShouldBe(31),
            s => s.LeftWithoutContact.ShouldBeTrue(),
            s => s.SilentSince.ShouldBe(D(2023, 4, 10)));
        var never = Build(Haderslev, D(2023, 5, 4));
        (never.LastContactOn, never.SilentSince, never.DaysWithoutContact, never.LeftWithoutContact).ShouldBe(((LocalDate?)null, D(2023, 4, 3), 31, true));
    }

    [Fact]
    public void An_exit_mid_week_ends_the_obligations_on_the_exit_date_and_closes_the_citizen_out_with_the_last_weeks_status()
    {
        // Exit on Wednesday 2023-05-10: its last day in follow-up is Tuesday 2023-05-09, in the week of Monday 2023-05-08.
        var exited = Haderslev with { ExitDate = D(2023, 5, 10) };
        WeeklyTimeline.Week[] weeks = [Week(D(2023, 5, 8), WeeklyStatusKind.DisabilityPension)];

        var before = Build(exited, D(2023, 5, 9), weeks: weeks);
        var after = Build(exited, D(2024, 1, 1), weeks: weeks);

        before.CloseOut.ShouldBeNull();
        before.InFollowUp.ShouldBeTrue();
        after.Checkpoints.Select(c => (c.Kind, c.DueOn, c.State)).ShouldBe([(CheckpointKind.Contact, D(2023, 4, 30), CheckpointState.Missed)]);
        after.CloseOut.ShouldBe(new CloseOut(D(2023, 5, 10), CloseOutReason.Exited, WeeklyStatusKind.DisabilityPension));
        after.CloseOut!.FinalSelfSufficient.ShouldBeFalse();
        after.LeftWithoutContact.ShouldBeFalse();
    }

    [Fact]
    public void A_window_that_ran_its_length_is_closed_out_on_its_end_with_the_status_of_its_last_week()
    {
        var weeks = new[] { Week(D(2025, 3, 31), WeeklyStatusKind.OrdinaryEmployment) };

        Build(Haderslev, D(2025, 4, 2), weeks: weeks).CloseOut.ShouldBeNull();
        var closed = Build(Haderslev, D(2025, 4, 3), weeks: weeks);

        closed.CloseOut.ShouldBe(new CloseOut(D(2025, 4, 3), CloseOutReason.WindowEnded, WeeklyStatusKind.OrdinaryEmployment));
        closed.CloseOut!.FinalSelfSufficient.ShouldBeTrue();
        closed.Checkpoints.Single(c => c.Kind == CheckpointKind.CloseOut).State.ShouldBe(CheckpointState.Met);
        closed.Checkpoints.Where(c => c.Kind == CheckpointKind.Contact).ShouldAllBe(c => c.State == CheckpointState.Missed);
        closed.Checkpoints.Where(c => c.Kind == CheckpointKind.Status).ShouldAllBe(c => c.State == CheckpointState.Overdue);
        Build(Haderslev, D(2025, 4, 7)).CloseOut!.FinalStatus.ShouldBeNull();
        Build(Haderslev, D(2025, 4, 7)).Checkpoints.Single(c => c.Kind == CheckpointKind.CloseOut).State.ShouldBe(CheckpointState.Overdue);
    }

    [Fact]
    public void Months_beyond_a_shorter_window_are_not_scheduled_and_the_month_at_its_end_is_the_close_out()
    {
        var twelveMonths = new FollowUpWindow(D(2024, 2, 29), D(2025, 2, 28), null);

        Build(twelveMonths, D(2024, 3, 1)).Checkpoints.Where(c => c.Kind != CheckpointKind.Contact).Select(c => (c.Kind, c.Months)).ShouldBe([
            (CheckpointKind.Status, 3), (CheckpointKind.Status, 6), (CheckpointKind.CloseOut, 0),
        ]);
    }
}
