using NodaTime;
using Partnerskab.Payment.Invoicing;

namespace Partnerskab.Payment.Tests;

public sealed class InvoiceRunDatesTests
{
    private static readonly InvoicingPeriod Quarter = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 3, 31));
    private static readonly LocalDate Today = new(2025, 4, 10);
    private static readonly LocalDate LastFollowUpDay = new(2025, 3, 31);

    [Theory]
    [InlineData(2025, 3, 31)]
    [InlineData(2025, 4, 10)]
    public void A_run_issued_from_the_periods_last_day_to_today_may_run(int year, int month, int day)
    {
        InvoiceRunDates.Violations(Quarter, new LocalDate(year, month, day), preview: false, Today, LastFollowUpDay).ShouldBeEmpty();
    }

    [Fact]
    public void An_issue_date_after_today_is_refused_unless_previewed()
    {
        var tomorrow = Today.PlusDays(1);

        InvoiceRunDates.Violations(Quarter, tomorrow, preview: false, Today, LastFollowUpDay)
            .ShouldBe([("issue_date", "must not be after today, 2025-04-10 (a preview may look ahead)")]);
        InvoiceRunDates.Violations(Quarter, tomorrow, preview: true, Today, LastFollowUpDay).ShouldBeEmpty();
    }

    [Fact]
    public void A_period_that_starts_after_the_last_day_of_follow_up_is_refused_even_as_a_preview()
    {
        var after = new InvoicingPeriod(new LocalDate(2025, 4, 1), new LocalDate(2025, 6, 30));

        foreach (var preview in new[] { false, true })
        {
            InvoiceRunDates.Violations(after, new LocalDate(2025, 7, 1), preview, new LocalDate(2025, 7, 1), LastFollowUpDay)
                .ShouldBe([("period_start", "must start on or before the last day of follow-up (the contract's end plus the follow-up), 2025-03-31")]);
        }
        InvoiceRunDates.Violations(Quarter, Today, preview: false, Today, lastFollowUpDay: new LocalDate(2025, 1, 1)).ShouldBeEmpty();
    }

    [Fact]
    public void An_issue_date_before_the_periods_end_is_refused_even_as_a_preview()
    {
        InvoiceRunDates.Violations(Quarter, new LocalDate(2025, 3, 30), preview: true, Today, LastFollowUpDay)
            .ShouldBe([("issue_date", "must be on or after the period's last day, 2025-03-31")]);
    }
}
