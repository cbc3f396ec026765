using NodaTime;
using Partnerskab.Payment.Invoicing;
using Partnerskab.Payment.RateCards;

namespace Partnerskab.Payment.Tests;

public sealed class InvoicingCalendarTests
{
    [Theory]
    [InlineData("2023-04-01", BillingInterval.Quarterly, "2023-06-30")]
    [InlineData("2023-10-01", BillingInterval.Quarterly, "2023-12-31")]
    [InlineData("2024-02-01", BillingInterval.Monthly, "2024-02-29")]
    [InlineData("2023-02-01", BillingInterval.Monthly, "2023-02-28")]
    public void A_period_runs_from_its_first_day_to_the_last_day_of_its_month_or_quarter(string start, BillingInterval interval, string end)
    {
        var period = InvoicingPeriod.StartingOn(Date(start), interval, out var problem);
        problem.ShouldBeNull();
        period.ShouldBe(new InvoicingPeriod(Date(start), Date(end)));
    }

    [Theory]
    [InlineData("2023-05-01", BillingInterval.Quarterly)]
    [InlineData("2023-04-02", BillingInterval.Quarterly)]
    [InlineData("2023-04-15", BillingInterval.Monthly)]
    public void A_date_that_starts_no_period_is_refused_with_the_reason(string start, BillingInterval interval)
    {
        InvoicingPeriod.StartingOn(Date(start), interval, out var problem).ShouldBeNull();
        problem.ShouldStartWith("must be the first day of a");
    }

    private static readonly RateCard Quarterly = new()
    {
        Version = 1,
        EffectiveFrom = new LocalDate(2023, 3, 1),
        PeriodicFees = [new PeriodicFee("MANAGEMENT", 500_000, BillingInterval.Quarterly), new PeriodicFee("OFFICE", 10_000, BillingInterval.Monthly)],
    };

    [Fact]
    public void Periodic_fees_fall_due_on_the_contract_start_then_on_each_month_or_quarter_start_up_to_the_date()
    {
        var due = PeriodicFees.Due([Quarterly], new LocalDate(2023, 3, 15), new LocalDate(2025, 3, 31), new LocalDate(2023, 7, 1)).ToList();

        due.Where(d => d.Fee.Code == "MANAGEMENT").Select(d => d.EarnedOn).ShouldBe([new LocalDate(2023, 3, 15), new LocalDate(2023, 4, 1), new LocalDate(2023, 7, 1)]);
        due.Where(d => d.Fee.Code == "OFFICE").Select(d => d.EarnedOn.Month).ShouldBe([3, 4, 5, 6, 7]);
        due.First().CauseKey(Guid.Empty).ShouldBe($"periodic:{Guid.Empty}:MANAGEMENT:2023-03-15");
    }

    [Fact]
    public void No_periodic_fee_falls_due_after_the_contract_end_or_before_a_rate_card_is_in_force()
    {
        var due = PeriodicFees.Due([Quarterly], new LocalDate(2023, 1, 1), new LocalDate(2023, 4, 30), new LocalDate(2030, 1, 1)).ToList();

        due.Select(d => (d.Fee.Code, d.EarnedOn)).ShouldBe([
            ("MANAGEMENT", new LocalDate(2023, 4, 1)),
            ("OFFICE", new LocalDate(2023, 3, 1)),
            ("OFFICE", new LocalDate(2023, 4, 1)),
        ], ignoreOrder: true);
    }

    private static LocalDate Date(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
}
