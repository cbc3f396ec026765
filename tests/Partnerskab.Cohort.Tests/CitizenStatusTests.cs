using NodaTime;
using Partnerskab.Cohort.Handover;
using Partnerskab.Contracts;

namespace Partnerskab.Cohort.Tests;

public sealed class CitizenStatusTests
{
    private static Citizen Citizen(LocalDate? exitDate = null, ExitReason? reason = null) => new()
    {
        CitizenId = "pseudonym",
        CaseReference = "HAD-1",
        HandoverDate = new LocalDate(2024, 2, 29),
        FollowUpEnd = new LocalDate(2026, 2, 28),
        ExitDate = exitDate,
        ExitReason = reason,
    };

    [Theory]
    [InlineData("2024-02-29", CitizenStatus.InFollowUp)]
    [InlineData("2026-02-27", CitizenStatus.InFollowUp)]
    [InlineData("2026-02-28", CitizenStatus.Completed)]
    public void Without_an_exit_the_window_decides(string day, CitizenStatus status)
    {
        Citizen().StatusOn(Date(day)).ShouldBe(status);
    }

    [Fact]
    public void An_exit_ends_follow_up_from_its_date()
    {
        var exited = Citizen(new LocalDate(2025, 1, 15), ExitReason.MovedAway);
        exited.StatusOn(new LocalDate(2025, 1, 14)).ShouldBe(CitizenStatus.InFollowUp);
        exited.InFollowUpOn(new LocalDate(2025, 1, 14)).ShouldBeTrue();
        exited.StatusOn(new LocalDate(2025, 1, 15)).ShouldBe(CitizenStatus.Exited);
        exited.InFollowUpOn(new LocalDate(2025, 1, 15)).ShouldBeFalse();
        exited.TakesPlace.ShouldBeTrue();
    }

    [Fact]
    public void A_wrongly_enrolled_citizen_was_never_in_follow_up_and_frees_the_place()
    {
        var wrong = Citizen(new LocalDate(2024, 6, 1), ExitReason.WronglyEnrolled);
        wrong.InFollowUpOn(new LocalDate(2024, 3, 1)).ShouldBeFalse();
        wrong.TakesPlace.ShouldBeFalse();
    }

    private static LocalDate Date(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
}
