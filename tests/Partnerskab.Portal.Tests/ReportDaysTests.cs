using NodaTime;
using Partnerskab.Portal.Reports;
using Shouldly;

namespace Partnerskab.Portal.Tests;

/// <summary>How a report page reads its days: as of (?dato) and as known on (?kendt).</summary>
public sealed class ReportDaysTests
{
    private static readonly LocalDate Today = new(2026, 12, 7);

    [Fact]
    public void Without_days_the_report_is_as_of_today_as_known_now()
    {
        var days = ReportDays.Read(null, " ", Today);

        (days.AsOf, days.KnownOn.Value, days.KnownOn.Earlier, days.Invalid, days.DateText, days.KnownOnText).ShouldBe((Today, (LocalDate?)null, false, false, "2026-12-07", (string?)null));
    }

    [Fact]
    public void A_known_on_day_alone_gives_the_report_as_of_that_day_as_presented_then()
    {
        var days = ReportDays.Read(null, "2025-10-20", Today);

        (days.AsOf, days.KnownOn.Value, days.KnownOn.Earlier, days.KnownOnText).ShouldBe((new LocalDate(2025, 10, 20), (LocalDate?)new LocalDate(2025, 10, 20), true, "2025-10-20"));
    }

    [Fact]
    public void A_date_beside_the_known_on_day_is_the_as_of_day()
    {
        var days = ReportDays.Read("2025-10-20", "2024-01-15", Today);

        (days.AsOf, days.KnownOn.Value).ShouldBe((new LocalDate(2025, 10, 20), (LocalDate?)new LocalDate(2024, 1, 15)));
    }

    [Fact]
    public void Known_on_today_is_not_an_earlier_day()
    {
        var days = ReportDays.Read(null, "2026-12-07", Today);

        (days.Invalid, days.KnownOn.Earlier).ShouldBe((false, false));
    }

    [Theory]
    [InlineData("2026-12-08", "KnownOnAfterToday")]
    [InlineData("07-12-2026", "KnownOnInvalid")]
    [InlineData("2026-02-30", "KnownOnInvalid")]
    public void A_known_on_day_after_today_or_not_a_date_is_not_read(string kendt, string problem)
    {
        var days = ReportDays.Read("2025-10-20", kendt, Today);

        (days.Invalid, days.KnownOn.Problem, days.KnownOn.Value).ShouldBe((true, problem, (LocalDate?)null));
    }

    [Fact]
    public void A_date_that_is_not_one_is_kept_as_typed_and_not_read()
    {
        var days = ReportDays.Read("2025-13-40", null, Today);

        (days.Invalid, days.DateInvalid, days.DateText).ShouldBe((true, true, "2025-13-40"));
    }
}
