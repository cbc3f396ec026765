using System.Globalization;

namespace Partnerskab.Imports.Csv;

/// <summary>One line of an input file: the row to send, or why it cannot be sent.</summary>
public sealed record CsvLine<TRow>(int LineNumber, IReadOnlyList<string> Fields, TRow? Row, IReadOnlyList<string> Problems) where TRow : class;

/// <summary>
/// The CSV that case and provider systems export: a header line naming the columns, then one
/// row a line, separated by ';' (as Danish spreadsheets write it) or ','. Fields may be quoted
/// with '"' as RFC 4180 says (a quote inside a quoted field is written twice, a quoted field may
/// hold a line break); <see cref="CsvTable"/> reads them.
/// </summary>
public static class CsvFile
{
    public static char DetectSeparator(string header) => header.Count(c => c == ';') >= header.Count(c => c == ',') ? ';' : ',';

    /// <summary>The positions of the required columns named by the header; throws when one is missing. Optional columns absent map to -1.</summary>
    public static Dictionary<string, int> ReadHeader(IReadOnlyList<string> header, IReadOnlyList<string> columns, IReadOnlyList<string>? optional = null)
    {
        var names = header.Select(n => n.Trim().ToLowerInvariant()).ToList();
        var missing = columns.Where(c => !names.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"the header lacks the column(s) {string.Join(", ", missing)}; it must name {string.Join(", ", columns)}");
        }
        return columns.Concat(optional ?? []).ToDictionary(c => c, c => names.IndexOf(c));
    }

    /// <summary>A date written as YYYY-MM-DD, or null.</summary>
    public static Google.Type.Date? Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new Google.Type.Date { Year = date.Year, Month = date.Month, Day = date.Day }
            : null;

    public const string HoursExpected = "a number of hours between 0 and 168 with at most two decimals";

    /// <summary>Hours such as "15.5" or "15,5" (a Danish spreadsheet's decimal comma) in hundredths; empty is 0; null when not hours.</summary>
    public static int? Hundredths(string text)
    {
        if (text.Length == 0) return 0;
        return decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours)
            && hours <= 168 && decimal.Round(hours * 100) == hours * 100
            ? (int)(hours * 100)
            : null;
    }

    /// <summary>A field written back safely: quoted when it holds the separator, a quote or a line break.</summary>
    public static string Quote(string field, char separator) =>
        field.IndexOfAny([separator, '"', '\n', '\r']) >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
