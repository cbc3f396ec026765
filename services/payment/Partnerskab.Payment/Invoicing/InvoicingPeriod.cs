using NodaTime;
using Partnerskab.Payment.RateCards;

namespace Partnerskab.Payment.Invoicing;

/// <summary>A calendar month or quarter (January, April, July, October) that one invoice run covers.</summary>
public sealed record InvoicingPeriod(LocalDate Start, LocalDate End)
{
    /// <summary>The period a day falls in.</summary>
    public static InvoicingPeriod Containing(LocalDate day, BillingInterval interval)
    {
        var months = interval == BillingInterval.Quarterly ? 3 : 1;
        var start = new LocalDate(day.Year, day.Month - (day.Month - 1) % months, 1);
        return new InvoicingPeriod(start, start.PlusMonths(months).PlusDays(-1));
    }

    /// <summary>The period that starts on a date, or why none does.</summary>
    public static InvoicingPeriod? StartingOn(LocalDate start, BillingInterval interval, out string? problem)
    {
        var months = interval == BillingInterval.Quarterly ? 3 : 1;
        if (start.Day != 1 || (start.Month - 1) % months != 0)
        {
            problem = interval == BillingInterval.Quarterly
                ? "must be the first day of a quarter (1 January, April, July or October): the rate card invoices quarterly"
                : "must be the first day of a month: the rate card invoices monthly";
            return null;
        }
        problem = null;
        return new InvoicingPeriod(start, start.PlusMonths(months).PlusDays(-1));
    }
}
