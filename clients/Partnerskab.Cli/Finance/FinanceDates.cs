using Partnerskab.Cli.Csv;
using Partnerskab.Imports.Csv;
using Date = Google.Type.Date;

namespace Partnerskab.Cli.Finance;

/// <summary>Dates as the tables write them (YYYY-MM-DD).</summary>
public static class FinanceDates
{
    public static string Text(Date? date) => date is null || date.Year == 0 ? "" : $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}";
}
