using System.Globalization;
using NodaTime;

namespace Partnerskab.Portal.Formatting;

/// <summary>
/// How the portal writes dates, money and shares: in Danish as the kommune's minutes write them
/// ("16. november 2023", "1.234.567,89 kr.", "0,3 mio. kr.", "42,5 %"), in English on request.
/// Money arrives in whole øre and is divided exactly (decimal); mio. kr. round half away from zero.
/// </summary>
public static class PortalFormat
{
    public static CultureInfo Danish { get; } = CultureInfo.GetCultureInfo("da-DK");
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en-GB");

    public static bool IsDanish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "da";

    public static string Date(LocalDate date, CultureInfo culture) =>
        date.ToDateOnly().ToString(IsDanish(culture) ? "d. MMMM yyyy" : "d MMMM yyyy", culture);

    /// <summary>A moment to the minute: "16. november 2023 kl. 14.03" (English: "16 November 2023 14:03").</summary>
    public static string Moment(LocalDateTime moment, CultureInfo culture) =>
        $"{Date(moment.Date, culture)} {(IsDanish(culture) ? $"kl. {moment.Hour:00}.{moment.Minute:00}" : $"{moment.Hour:00}:{moment.Minute:00}")}";

    /// <summary>A date as the services send it; "–" when it is not set.</summary>
    public static string Date(Google.Type.Date? date, CultureInfo culture) =>
        date is { Year: > 0 } ? Date(new LocalDate(date.Year, date.Month, date.Day), culture) : "–";

    /// <summary>"april 2023" from "2023-04".</summary>
    public static string Month(string yearMonth, CultureInfo culture) =>
        DateOnly.ParseExact($"{yearMonth}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMMM yyyy", culture);

    public static string Kroner(long ore, CultureInfo culture)
    {
        var amount = (ore / 100m).ToString("N2", culture);
        return IsDanish(culture) ? $"{amount} kr." : $"DKK {amount}";
    }

    /// <summary>The amount in millions of kroner with one decimal, as a committee table's cell: "0,3".</summary>
    public static string MillionsFigure(long ore, CultureInfo culture) =>
        Math.Round(ore / 100_000_000m, 1, MidpointRounding.AwayFromZero).ToString("N1", culture);

    public static string Millions(long ore, CultureInfo culture) =>
        IsDanish(culture) ? $"{MillionsFigure(ore, culture)} mio. kr." : $"DKK {MillionsFigure(ore, culture)}m";

    /// <summary>A share given in hundredths of a percent: 4250 is "42,5 %".</summary>
    public static string Percent(long basisPoints, CultureInfo culture)
    {
        var figure = (basisPoints / 100m).ToString("0.#", culture);
        return IsDanish(culture) ? $"{figure} %" : $"{figure}%";
    }

    public static string Count(long count, CultureInfo culture) => count.ToString("N0", culture);

    /// <summary>A multiple given in ten-thousandths, with two decimals: 11200 is "1,12".</summary>
    public static string Multiple(long tenThousandths, CultureInfo culture) =>
        Math.Round(tenThousandths / 10_000m, 2, MidpointRounding.AwayFromZero).ToString("N2", culture);

    /// <summary>An annual rate (0.0845 is 8.45 % a year) as a percentage with two decimals: "8,45 %".</summary>
    public static string AnnualRate(double rate, CultureInfo culture)
    {
        var figure = Math.Round((decimal)rate * 100m, 2, MidpointRounding.AwayFromZero).ToString("N2", culture);
        return IsDanish(culture) ? $"{figure} %" : $"{figure}%";
    }

    /// <summary>A figure given in hundredths, with two decimals: 1234 is "12,34" (weeks).</summary>
    public static string Hundredths(long hundredths, CultureInfo culture) => (hundredths / 100m).ToString("N2", culture);

    /// <summary>A moment in Copenhagen's time: "16. november 2023 kl. 14.05" ("16 November 2023 14:05").</summary>
    public static string Moment(Google.Protobuf.WellKnownTypes.Timestamp? moment, CultureInfo culture)
    {
        if (moment is null) return "–";
        var local = Instant.FromDateTimeOffset(moment.ToDateTimeOffset()).InZone(Partnerskab.ServiceDefaults.DanishCalendar.Copenhagen).LocalDateTime;
        return IsDanish(culture)
            ? $"{Date(local.Date, culture)} kl. {local.Hour:00}.{local.Minute:00}"
            : $"{Date(local.Date, culture)} {local.Hour:00}:{local.Minute:00}";
    }
}
