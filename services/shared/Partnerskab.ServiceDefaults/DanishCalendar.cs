using NodaTime;

namespace Partnerskab.ServiceDefaults;

/// <summary>
/// The calendar the suite's days are counted in: a kommune's day is Copenhagen's, so a fact
/// learnt at 00:30 on 1 October belongs to October (and its quarter), not to UTC's 30 September.
/// </summary>
public static class DanishCalendar
{
    public static readonly DateTimeZone Copenhagen = DateTimeZoneProviders.Tzdb["Europe/Copenhagen"];

    /// <summary>Today in Copenhagen.</summary>
    public static LocalDate Today(this IClock clock) => clock.GetCurrentInstant().DayInCopenhagen();

    /// <summary>The Copenhagen day the moment falls on.</summary>
    public static LocalDate DayInCopenhagen(this Instant instant) => instant.InZone(Copenhagen).Date;
}
