using Partnerskab.Cli.Csv;
using Partnerskab.Imports.Csv;
using Date = Google.Type.Date;

namespace Partnerskab.Cli.Finance;

/// <summary>Dates as the tables write them (YYYY-MM-DD), and moments in UTC.</summary>
public static class FinanceDates
{
    public static string Text(Date? date) => date is null || date.Year == 0 ? "" : $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}";

    /// <summary>A moment in UTC to the second: "2023-04-03 09:15:00 UTC".</summary>
    public static string Text(Google.Protobuf.WellKnownTypes.Timestamp? moment) =>
        moment is null ? "" : moment.ToDateTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
