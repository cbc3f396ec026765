using NodaTime;

namespace Partnerskab.ServiceDefaults.Retention;

/// <summary>
/// When a citizen's personal data may be erased. The case file behind a milestone is the
/// documentation of the invoice that paid it, which the bookkeeping act (bogføringsloven § 12)
/// keeps for 5 years from the end of the financial year it concerns; the kommune's financial
/// year is the calendar year. So the data is kept through the financial year in which the
/// citizen's follow-up ended (the window's end, or an earlier exit) and the retention period
/// after it.
/// </summary>
public static class RetentionRule
{
    public static readonly Period DefaultPeriod = Period.FromYears(5);

    /// <summary>The first day the data of a citizen whose follow-up ended on <paramref name="obligationsEnd"/> (exclusive) may be erased.</summary>
    public static LocalDate ErasableOn(LocalDate obligationsEnd, Period retention)
    {
        var lastDayFollowedUp = obligationsEnd.PlusDays(-1);
        return new LocalDate(lastDayFollowedUp.Year + 1, 1, 1).Plus(retention);
    }

    public static bool IsErasable(LocalDate obligationsEnd, Period retention, LocalDate today) =>
        ErasableOn(obligationsEnd, retention) <= today;

    /// <summary>
    /// The latest follow-up end (exclusive) that is erasable on <paramref name="today"/>, for the
    /// database to select by: <c>IsErasable(end, retention, today) ⇔ end ≤ Cutoff(retention, today)</c>.
    /// </summary>
    public static LocalDate Cutoff(Period retention, LocalDate today)
    {
        // The first year whose start plus the retention lies after today; its predecessor's New Year is the cutoff.
        var year = today.Year - Math.Max(0, retention.Years) + 1;
        while (new LocalDate(year, 1, 1).Plus(retention) <= today) year++;
        while (new LocalDate(year - 1, 1, 1).Plus(retention) > today) year--;
        return new LocalDate(year - 1, 1, 1);
    }
}
