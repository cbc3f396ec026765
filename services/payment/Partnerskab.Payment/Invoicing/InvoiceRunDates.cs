using NodaTime;

namespace Partnerskab.Payment.Invoicing;

/// <summary>
/// The dates an invoice run may have: an issue date on or after the period's last day and not
/// after today (Copenhagen's calendar; a preview may look ahead), for a period that starts on or
/// before the last day of follow-up: the contract's end plus the follow-up, since the citizens
/// handed over near the end earn their outcomes (and the final bill is issued) after it.
/// </summary>
public static class InvoiceRunDates
{
    /// <summary>What is wrong with the run's dates, as field violations; none when it may run.</summary>
    public static IEnumerable<(string Field, string Description)> Violations(InvoicingPeriod period, LocalDate issueDate, bool preview, LocalDate today,
        LocalDate lastFollowUpDay)
    {
        if (period.Start > lastFollowUpDay)
        {
            yield return ("period_start", $"must start on or before the last day of follow-up (the contract's end plus the follow-up), {lastFollowUpDay:uuuu-MM-dd}");
        }
        if (issueDate < period.End)
        {
            yield return ("issue_date", $"must be on or after the period's last day, {period.End:uuuu-MM-dd}");
        }
        else if (issueDate > today && !preview)
        {
            yield return ("issue_date", $"must not be after today, {today:uuuu-MM-dd} (a preview may look ahead)");
        }
    }
}
