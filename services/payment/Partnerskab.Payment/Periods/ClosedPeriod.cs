using NodaTime;

namespace Partnerskab.Payment.Periods;

public enum PeriodKind
{
    /// <summary>A month or quarter, as the partnership invoices.</summary>
    InvoicingPeriod = 1,
    CalendarYear = 2,
}

/// <summary>
/// A partnership's invoicing period or calendar year that finance has closed: no ledger item is
/// booked on its days and no invoice run covers it while it stays closed (the database refuses
/// both). Reopening keeps the row, with who reopened it, when and why; closing it again adds a new one.
/// </summary>
public sealed class ClosedPeriod
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public PeriodKind Kind { get; set; }
    public LocalDate Start { get; set; }
    public LocalDate End { get; set; }
    public Instant ClosedAt { get; set; }
    public required string ClosedBy { get; set; }
    public Instant? ReopenedAt { get; set; }
    public string? ReopenedBy { get; set; }
    public string? ReopenReason { get; set; }

    public DateInterval Days => new(Start, End);
}

/// <summary>
/// The day a ledger item is booked on: its own day, unless a closed period covers it, then the
/// first day after the closed periods that covers it (the first day of the first open period).
/// </summary>
public static class BookingCalendar
{
    public static LocalDate BookedOn(LocalDate day, IEnumerable<DateInterval> closed)
    {
        var periods = closed.OrderBy(c => c.Start).ToList();
        foreach (var period in periods)
        {
            if (period.Contains(day)) day = period.End.PlusDays(1);
        }
        return day;
    }
}
