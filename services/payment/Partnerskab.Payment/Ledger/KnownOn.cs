using NodaTime;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment.Ledger;

/// <summary>
/// "As known on K": only what the service had recorded by the end of day K in Copenhagen's
/// calendar, so a report asked later about K answers as it did on K.
/// </summary>
public static class KnownOn
{
    /// <summary>The first moment after the day asked about; null (no bound: now) when none is asked.</summary>
    public static Instant? RecordedBefore(RequestValidator v, Google.Type.Date? knownOn, string field = "known_on") =>
        knownOn is null ? null : After(v.Date(knownOn, field));

    /// <summary>The first moment after the day, in Copenhagen.</summary>
    public static Instant After(LocalDate day) => day.PlusDays(1).AtStartOfDayInZone(DanishCalendar.Copenhagen).ToInstant();
}
