using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Partnerskab.Imports.Csv;

/// <summary>One record of a CSV file: its fields, and the line of the file it starts on (the header is line 1).</summary>
public sealed record CsvRow(int LineNumber, IReadOnlyList<string> Fields);

/// <summary>
/// A CSV file as RFC 4180 reads it (CsvHelper's parser): a header record, then the records, each
/// numbered by the line it starts on, so that a quoted field holding a line break keeps the lines
/// after it numbered as the file shows them. Blank lines are skipped. The separator is ';' or ',',
/// whichever the header holds more of (see <see cref="CsvFile.DetectSeparator"/>).
/// </summary>
public sealed record CsvTable(char Separator, IReadOnlyList<string> Header, IReadOnlyList<CsvRow> Rows)
{
    public static CsvTable Read(string text)
    {
        if (text.StartsWith('\uFEFF')) text = text[1..];
        var lineEnd = text.IndexOfAny(['\r', '\n']);
        var separator = CsvFile.DetectSeparator(lineEnd < 0 ? text : text[..lineEnd]);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = separator.ToString(),
            Mode = CsvMode.RFC4180,
            HasHeaderRecord = false,
            IgnoreBlankLines = true,
            BadDataFound = null,
        };
        using var parser = new CsvParser(new StringReader(text), configuration);
        if (!parser.Read()) throw new FormatException("the file is empty; it needs a header line");
        var header = parser.Record!;
        var rows = new List<CsvRow>();
        while (parser.Read())
        {
            var record = parser.Record!;
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new CsvRow(parser.RawRow - LineBreaksWithin(parser.RawRecord), record));
        }
        return new CsvTable(separator, header, rows);
    }

    /// <summary>The line breaks inside a record's raw text, not counting the one that ends it.</summary>
    private static int LineBreaksWithin(string rawRecord) =>
        rawRecord.TrimEnd('\r', '\n').Replace("\r\n", "\n").Count(c => c is '\n' or '\r');
}
