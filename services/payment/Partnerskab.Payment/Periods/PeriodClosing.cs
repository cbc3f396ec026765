using NodaTime;
using Partnerskab.Payment.Invoicing;
using Partnerskab.Payment.RateCards;

namespace Partnerskab.Payment.Periods;

/// <summary>
/// The rules of closing and reopening, as pure decisions over plain values:
/// <list type="bullet">
/// <item>A request names exactly one of an invoicing period (by its first day, as the rate card in
/// force that day invoices) and a calendar year.</item>
/// <item>A period is closed only once it has been invoiced: an invoice run whose period ends on or
/// after the last day to close (a later run invoices what an earlier period left).</item>
/// <item>Closing a closed period again changes nothing.</item>
/// <item>Reopening needs a reason, and is refused once the following period is closed, or while
/// a closed year (or period) around it stays closed.</item>
/// </list>
/// </summary>
public static class PeriodClosing
{
    /// <summary>The days of the period a request names, or the field violations of the request.</summary>
    public static (PeriodKind Kind, DateInterval Days)? Requested(LocalDate? periodStart, int year, IReadOnlyCollection<RateCard> versions,
        List<(string Field, string Description)> violations)
    {
        if (periodStart is null == (year == 0))
        {
            violations.Add(("period_start", "give exactly one of period_start (an invoicing period) and year (a calendar year)"));
            return null;
        }
        if (periodStart is not { } start)
        {
            if (year is < 2000 or > 2100) violations.Add(("year", "must be a calendar year from 2000 to 2100"));
            return violations.Count > 0 ? null : (PeriodKind.CalendarYear, new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31)));
        }
        if (Pricing.InForce(versions, start) is not { } card)
        {
            violations.Add(("period_start", $"no rate card is in force on {start:uuuu-MM-dd}, so it starts no invoicing period"));
            return null;
        }
        var period = InvoicingPeriod.StartingOn(start, card.InvoicingPeriod, out var problem);
        if (period is null)
        {
            violations.Add(("period_start", problem!));
            return null;
        }
        return (PeriodKind.InvoicingPeriod, new DateInterval(period.Start, period.End));
    }

    /// <summary>Why the period cannot be closed; null when it may be (or is closed already, which the caller answers with).</summary>
    public static string? RefusalToClose(DateInterval days, LocalDate? lastInvoicedDay) =>
        lastInvoicedDay is { } invoiced && invoiced >= days.End
            ? null
            : $"The period {days.Start:uuuu-MM-dd} to {days.End:uuuu-MM-dd} has not been invoiced yet"
              + (lastInvoicedDay is { } last ? $" (invoice runs reach {last:uuuu-MM-dd})" : " (no invoice run yet)")
              + ": run its invoices before closing it.";

    /// <summary>Why the closed period cannot be reopened; null when it may be.</summary>
    public static string? RefusalToReopen(ClosedPeriod period, IEnumerable<ClosedPeriod> otherClosed)
    {
        var others = otherClosed.Where(o => o.Id != period.Id).ToList();
        if (others.FirstOrDefault(o => o.Days.Contains(period.End.PlusDays(1))) is { } following)
        {
            return $"The following period, {following.Start:uuuu-MM-dd} to {following.End:uuuu-MM-dd}, is closed: reopen it first.";
        }
        if (others.FirstOrDefault(o => o.Start <= period.Start && period.End <= o.End) is { } around)
        {
            return $"The period lies in the closed period {around.Start:uuuu-MM-dd} to {around.End:uuuu-MM-dd}: reopen that first.";
        }
        return null;
    }
}
