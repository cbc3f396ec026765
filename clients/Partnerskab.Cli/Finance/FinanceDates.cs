using Partnerskab.Cli.Csv;
using Partnerskab.Imports.Csv;
using Date = Google.Type.Date;

namespace Partnerskab.Cli.Finance;

/// <summary>Dates as finance types them (YYYY-MM-DD) and as the services take them.</summary>
public static class FinanceDates
{
    public static Date Parse(string text, string option) =>
        CsvFile.Date(text) ?? throw new FormatException($"--{option}: '{text}' is not a date (YYYY-MM-DD)");

    public static string Text(Date? date) => date is null || date.Year == 0 ? "" : $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}";
}
