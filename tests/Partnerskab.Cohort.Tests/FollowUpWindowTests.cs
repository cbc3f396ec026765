using NodaTime;
using Partnerskab.Cohort.Handover;

namespace Partnerskab.Cohort.Tests;

public sealed class FollowUpWindowTests
{
    [Theory]
    [InlineData("2024-02-29", 24, "2026-02-28")]
    [InlineData("2023-08-31", 6, "2024-02-29")]
    [InlineData("2023-04-03", 24, "2025-04-03")]
    [InlineData("2023-01-31", 1, "2023-02-28")]
    [InlineData("2023-12-31", 2, "2024-02-29")]
    [InlineData("2024-03-31", 1, "2024-04-30")]
    public void The_window_ends_a_whole_number_of_calendar_months_later(string handover, int months, string end)
    {
        var window = FollowUpWindow.From(Date(handover), months);
        window.Start.ShouldBe(Date(handover));
        window.End.ShouldBe(Date(end));
    }

    [Fact]
    public void The_start_is_inside_and_the_end_is_not()
    {
        var window = FollowUpWindow.From(Date("2024-02-29"), 24);
        window.Contains(Date("2024-02-28")).ShouldBeFalse();
        window.Contains(Date("2024-02-29")).ShouldBeTrue();
        window.Contains(Date("2026-02-27")).ShouldBeTrue();
        window.Contains(Date("2026-02-28")).ShouldBeFalse();
    }

    private static LocalDate Date(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
}
