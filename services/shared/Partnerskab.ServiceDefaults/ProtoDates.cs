using NodaTime;

namespace Partnerskab.ServiceDefaults;

/// <summary>Conversions between google.type.Date on the wire and NodaTime's LocalDate.</summary>
public static class ProtoDates
{
    // Dates in this domain (handovers, outcomes, invoices, CPR birth dates) fall well inside
    // these bounds; anything outside is a typing error, not data.
    public static readonly LocalDate Earliest = new(1900, 1, 1);
    public static readonly LocalDate Latest = new(2199, 12, 31);

    public static bool TryToLocalDate(Google.Type.Date date, out LocalDate value)
    {
        value = default;
        if (date.Year < Earliest.Year || date.Year > Latest.Year || date.Month is < 1 or > 12 || date.Day < 1)
        {
            return false;
        }
        if (date.Day > CalendarSystem.Iso.GetDaysInMonth(date.Year, date.Month))
        {
            return false;
        }
        value = new LocalDate(date.Year, date.Month, date.Day);
        return true;
    }

    public static Google.Type.Date ToProto(this LocalDate date) =>
        new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static LocalDate ToLocalDate(this DateOnly date) => LocalDate.FromDateOnly(date);
}
