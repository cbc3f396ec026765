using NodaTime;
using Partnerskab.Payment.Periods;
using Partnerskab.Payment.RateCards;

namespace Partnerskab.Payment.Tests;

/// <summary>Closing and reopening periods, and the day an item is booked on, as decisions over plain values.</summary>
public sealed class PeriodClosingTests
{
    private static readonly RateCard Quarterly = new() { Version = 1, EffectiveFrom = new LocalDate(2023, 3, 1), InvoicingPeriod = BillingInterval.Quarterly };

    [Theory]
    [InlineData("2023-08-14", "2023-10-01")]
    [InlineData("2023-07-01", "2023-10-01")]
    [InlineData("2023-09-30", "2023-10-01")]
    [InlineData("2023-06-30", "2023-06-30")]
    [InlineData("2023-10-01", "2023-10-01")]
    [InlineData("2024-02-29", "2024-04-01")]
    public void An_item_is_booked_on_its_day_or_the_first_day_after_the_closed_periods_that_cover_it(string day, string bookedOn)
    {
        // Out of order on purpose: the third quarter, 2024's first quarter and the fourth quarter of 2023, which follows the third directly.
        DateInterval[] closed =
        [
            new(new LocalDate(2023, 7, 1), new LocalDate(2023, 9, 30)),
            new(new LocalDate(2024, 1, 1), new LocalDate(2024, 3, 31)),
        ];
        BookingCalendar.BookedOn(Parse(day), closed).ShouldBe(Parse(bookedOn));
        BookingCalendar.BookedOn(Parse("2023-08-14"), [closed[1], new(new LocalDate(2023, 10, 1), new LocalDate(2023, 12, 31)), closed[0]])
            .ShouldBe(new LocalDate(2024, 4, 1), "closed periods that follow each other are passed over together");
    }

    [Fact]
    public void A_request_names_exactly_one_period_the_rate_card_invoices_or_a_year()
    {
        Requested(new LocalDate(2023, 7, 1), 0).ShouldBe((PeriodKind.InvoicingPeriod, new DateInterval(new LocalDate(2023, 7, 1), new LocalDate(2023, 9, 30))));
        Requested(null, 2024).ShouldBe((PeriodKind.CalendarYear, new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31))));
        Violations(new LocalDate(2023, 8, 1), 0).ShouldBe(["period_start"], "not the first day of a quarter");
        Violations(new LocalDate(2023, 1, 1), 0).ShouldBe(["period_start"], "no rate card in force");
        Violations(new LocalDate(2023, 7, 1), 2023).ShouldBe(["period_start"], "both");
        Violations(null, 0).ShouldBe(["period_start"], "neither");
        Violations(null, 1999).ShouldBe(["year"]);
    }

    [Fact]
    public void A_period_is_closed_once_an_invoice_run_reaches_its_end()
    {
        var q3 = new DateInterval(new LocalDate(2023, 7, 1), new LocalDate(2023, 9, 30));
        PeriodClosing.RefusalToClose(q3, new LocalDate(2023, 9, 30)).ShouldBeNull();
        PeriodClosing.RefusalToClose(q3, new LocalDate(2023, 12, 31)).ShouldBeNull("a later run invoiced what the period left");
        PeriodClosing.RefusalToClose(q3, new LocalDate(2023, 6, 30)).ShouldBe(
            "The period 2023-07-01 to 2023-09-30 has not been invoiced yet (invoice runs reach 2023-06-30): run its invoices before closing it.");
        PeriodClosing.RefusalToClose(q3, null).ShouldNotBeNull();
    }

    [Fact]
    public void Reopening_is_refused_while_the_following_period_or_one_around_it_is_closed()
    {
        var q3 = Closed(PeriodKind.InvoicingPeriod, new LocalDate(2023, 7, 1), new LocalDate(2023, 9, 30));
        var q4 = Closed(PeriodKind.InvoicingPeriod, new LocalDate(2023, 10, 1), new LocalDate(2023, 12, 31));
        var year = Closed(PeriodKind.CalendarYear, new LocalDate(2023, 1, 1), new LocalDate(2023, 12, 31));
        var next = Closed(PeriodKind.CalendarYear, new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31));

        PeriodClosing.RefusalToReopen(q3, [q3]).ShouldBeNull();
        PeriodClosing.RefusalToReopen(q4, [q3, q4]).ShouldBeNull("the period before may stay closed");
        PeriodClosing.RefusalToReopen(q3, [q3, q4]).ShouldBe("The following period, 2023-10-01 to 2023-12-31, is closed: reopen it first.");
        PeriodClosing.RefusalToReopen(q4, [q4, year]).ShouldBe("The period lies in the closed period 2023-01-01 to 2023-12-31: reopen that first.");
        PeriodClosing.RefusalToReopen(year, [q3, year, next]).ShouldStartWith("The following period, 2024-01-01");
        PeriodClosing.RefusalToReopen(year, [q3, q4, year]).ShouldBeNull("the quarters inside the year stay closed on their own");
    }

    private static (PeriodKind, DateInterval)? Requested(LocalDate? start, int year) => PeriodClosing.Requested(start, year, [Quarterly], []);

    private static List<string> Violations(LocalDate? start, int year)
    {
        var violations = new List<(string Field, string Description)>();
        PeriodClosing.Requested(start, year, [Quarterly], violations).ShouldBeNull();
        return violations.Select(v => v.Field).ToList();
    }

    private static ClosedPeriod Closed(PeriodKind kind, LocalDate start, LocalDate end) =>
        new() { Id = Guid.NewGuid(), Kind = kind, Start = start, End = end, ClosedBy = "finance" };

    private static LocalDate Parse(string day) => NodaTime.Text.LocalDatePattern.Iso.Parse(day).Value;
}
