using NodaTime;

namespace Partnerskab.Portal.Hosting;

/// <summary>"Today" where the partnerships are: Europe/Copenhagen.</summary>
public sealed class CopenhagenCalendar(IClock clock)
{
    private static readonly DateTimeZone Copenhagen = DateTimeZoneProviders.Tzdb["Europe/Copenhagen"];

    public LocalDate Today() => clock.GetCurrentInstant().InZone(Copenhagen).Date;
}
