using NodaTime;

namespace Partnerskab.Cohort.Handover;

/// <summary>
/// The follow-up period [Start, End): from the handover date for a whole number of calendar
/// months. A month later than the last day of a shorter month lands on that month's last day,
/// so 2024-02-29 + 24 months = 2026-02-28 and 2023-08-31 + 6 months = 2024-02-29.
/// </summary>
public readonly record struct FollowUpWindow(LocalDate Start, LocalDate End)
{
    public static FollowUpWindow From(LocalDate handoverDate, int months) => new(handoverDate, handoverDate.PlusMonths(months));

    public bool Contains(LocalDate date) => date >= Start && date < End;
}
