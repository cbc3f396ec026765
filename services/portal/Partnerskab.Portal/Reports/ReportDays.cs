using NodaTime;
using NodaTime.Text;

namespace Partnerskab.Portal.Reports;

/// <summary>
/// The days a partnership's report is read for: as of a date (?dato=YYYY-MM-DD) and as known on a
/// day (?kendt=YYYY-MM-DD, as known now when absent). Without a date it is as of the known-on day,
/// or today in Copenhagen, so the known-on day alone gives the report as it was presented that day.
/// </summary>
public sealed record ReportDays(string DateText, bool DateInvalid, KnownOnDay KnownOn, LocalDate AsOf)
{
    /// <summary>No report is asked for: the page says why.</summary>
    public bool Invalid => DateInvalid || KnownOn.Invalid;

    /// <summary>The known-on day as the address carries it; null when as known now.</summary>
    public string? KnownOnText => KnownOn.Value is { } day ? LocalDatePattern.Iso.Format(day) : null;

    public static ReportDays Read(string? dato, string? kendt, LocalDate today)
    {
        var knownOn = KnownOnDay.Read(kendt, today);
        var asOf = knownOn.Value ?? today;
        if (string.IsNullOrWhiteSpace(dato)) return new(LocalDatePattern.Iso.Format(asOf), false, knownOn, asOf);
        var parsed = LocalDatePattern.Iso.Parse(dato.Trim());
        return parsed.Success
            ? new(LocalDatePattern.Iso.Format(parsed.Value), false, knownOn, parsed.Value)
            : new(dato, true, knownOn, asOf);
    }
}
