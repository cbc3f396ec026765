using NodaTime;
using NodaTime.Text;
using Partnerskab.ServiceDefaults.Retention;

namespace Partnerskab.ServiceDefaults.Tests;

public sealed class RetentionRuleTests
{
    [Theory]
    // Follow-up ending (exclusive) on 2019-04-03: last day followed up in 2019, kept through 2019 and five more years.
    [InlineData("2019-04-03", "P5Y", "2025-01-01")]
    // A window ending on New Year's Day had its last day on 31 December of the year before.
    [InlineData("2020-01-01", "P5Y", "2025-01-01")]
    [InlineData("2020-01-02", "P5Y", "2026-01-01")]
    [InlineData("2025-04-03", "P5Y", "2031-01-01")]
    [InlineData("2024-02-29", "P5Y", "2030-01-01")]
    [InlineData("2019-04-03", "P18M", "2021-07-01")]
    [InlineData("2019-04-03", "P10Y", "2030-01-01")]
    public void Data_is_kept_through_the_financial_year_of_the_follow_up_end_and_the_retention_after_it(string end, string period, string erasable)
    {
        RetentionRule.ErasableOn(Date(end), Period(period)).ShouldBe(Date(erasable));
    }

    [Theory]
    [InlineData("2024-12-31", false)]
    [InlineData("2025-01-01", true)]
    [InlineData("2026-06-30", true)]
    public void Data_is_erasable_from_that_day_on_not_before(string today, bool erasable)
    {
        RetentionRule.IsErasable(Date("2019-04-03"), RetentionRule.DefaultPeriod, Date(today)).ShouldBe(erasable);
    }

    [Theory]
    [InlineData("P5Y")]
    [InlineData("P18M")]
    [InlineData("P1Y6M10D")]
    [InlineData("P30D")]
    public void The_cutoff_the_database_selects_by_agrees_with_the_rule_on_every_day(string period)
    {
        var retention = Period(period);
        var disagreements = new List<string>();
        for (var today = Date("2024-11-01"); today <= Date("2026-03-01"); today = today.PlusDays(7))
        {
            var cutoff = RetentionRule.Cutoff(retention, today);
            for (var end = Date("2017-01-01"); end <= Date("2026-12-31"); end = end.PlusDays(3))
            {
                if (RetentionRule.IsErasable(end, retention, today) != end <= cutoff) disagreements.Add($"today {today}, end {end}, cutoff {cutoff}");
            }
        }
        disagreements.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("P5Y", "P5Y")]
    [InlineData("P18M", "P18M")]
    [InlineData("P2W", "P14D")]
    public void The_period_is_read_as_an_ISO_8601_period(string configured, string expected)
    {
        new RetentionOptions { Period = configured }.RetentionPeriod().ShouldBe(Period(expected));
    }

    [Theory]
    [InlineData("5 years")]
    [InlineData("P0D")]
    [InlineData("-P5Y")]
    [InlineData("")]
    public void A_period_that_is_not_a_positive_ISO_8601_period_stops_the_service_at_start_up(string configured)
    {
        Should.Throw<InvalidOperationException>(() => new RetentionOptions { Period = configured }.RetentionPeriod())
            .Message.ShouldContain("Retention__Period");
    }

    private static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).Value;

    private static Period Period(string text) => PeriodPattern.NormalizingIso.Parse(text).Value;
}
