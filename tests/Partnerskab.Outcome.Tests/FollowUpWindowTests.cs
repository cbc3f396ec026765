using NodaTime;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Milestones;

namespace Partnerskab.Outcome.Tests;

public sealed class FollowUpWindowTests
{
    // Thursday 2024-02-29 + 24 months = Saturday 2026-02-28.
    private static readonly FollowUpWindow Leap = new(new LocalDate(2024, 2, 29), new LocalDate(2026, 2, 28));

    [Fact]
    public void The_day_at_month_m_is_the_same_calendar_day_or_the_month_s_last_and_the_window_s_last_day_at_its_end()
    {
        Leap.DayAtMonth(1).ShouldBe(new LocalDate(2024, 3, 29));
        Leap.DayAtMonth(12).ShouldBe(new LocalDate(2025, 2, 28));
        // Start + 24 months is the window's (exclusive) end: its last day is taken.
        Leap.DayAtMonth(24).ShouldBe(new LocalDate(2026, 2, 27));
        Leap.DayAtMonth(25).ShouldBeNull();
    }

    [Fact]
    public void An_exit_ends_the_obligations_on_its_day_and_an_exit_after_the_end_changes_nothing()
    {
        var exited = Leap with { ExitDate = new LocalDate(2024, 5, 1) };
        (exited.ObligationsEnd, exited.EndedByExit).ShouldBe((new LocalDate(2024, 5, 1), true));
        exited.Contains(new LocalDate(2024, 4, 30)).ShouldBeTrue();
        exited.Contains(new LocalDate(2024, 5, 1)).ShouldBeFalse();
        exited.HasWeek(new LocalDate(2024, 4, 29)).ShouldBeTrue();
        exited.HasWeek(new LocalDate(2024, 5, 6)).ShouldBeFalse();
        var late = Leap with { ExitDate = new LocalDate(2026, 3, 2) };
        (late.ObligationsEnd, late.EndedByExit).ShouldBe((Leap.End, false));
        Leap.Contains(Leap.Start).ShouldBeTrue();
        Leap.Contains(Leap.End).ShouldBeFalse();
    }

    [Fact]
    public void A_milestone_revoked_late_in_the_evening_utc_is_dated_on_copenhagen_s_next_day()
    {
        var milestone = new Milestone { CitizenId = new string('a', 32), Code = "JOB" };
        // 22:30 UTC on Saturday 30 September 2023 is 00:30 on Sunday 1 October in Copenhagen (summer time, UTC+2).
        milestone.Revoke(Instant.FromUtc(2023, 9, 30, 22, 30), new string('x', 1200), Exit);
        (milestone.Revoked, milestone.RevokedOn).ShouldBe((true, new LocalDate(2023, 10, 1)));
        milestone.RevocationReason!.Length.ShouldBe(1000);
        // In winter time (UTC+1) 22:30 UTC is still the same day.
        milestone.Revoke(Instant.FromUtc(2023, 12, 31, 22, 30), "why", Exit);
        milestone.RevokedOn.ShouldBe(new LocalDate(2023, 12, 31));
    }

    private static readonly FactChange Exit = FactChange.Exit(new LocalDate(2023, 9, 1), "the citizen exited");
}
