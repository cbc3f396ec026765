using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Net.Http.Headers;
using Partnerskab.Gateway.Problems;

namespace Partnerskab.Gateway.Jobs;

/// <summary>How a bulk file is written, from its Content-Type.</summary>
public enum JobFormat
{
    /// <summary>text/csv: RFC 4180, a header row naming the columns, ';' or ',' between fields.</summary>
    Csv,

    /// <summary>application/x-ndjson (or application/ndjson): one JSON object a line, the row message's JSON.</summary>
    Ndjson,
}

/// <summary>A column of a kind's CSV file: its header name, and the row message's JSON field it fills.</summary>
/// <param name="Hundredths">A number with up to two decimals (Danish decimal comma) that the field holds in hundredths.</param>
public sealed record JobColumn(string Name, string JsonName, bool Hundredths = false);

/// <summary>A file that cannot be read as a whole (no header, a missing column, not UTF-8): refused before it is stored.</summary>
public sealed class JobFileException(string detail, IReadOnlyList<FieldViolation> violations) : Exception(detail)
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;
}

/// <summary>
/// Reads a bulk file into its rows: UTF-8 with or without a byte order mark; CSV by RFC 4180 with
/// the delimiter the header row uses (';' when it has one, else ','), quoted fields kept as
/// written (a quoted line break is data, which the service's rules then judge); NDJSON a line at
/// a time. A row that cannot be read becomes a rejected row; the others are kept.
/// </summary>
public static class JobFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static JobFormat? FormatOf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)) return null;
        if (media.Charset.HasValue && !media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)) return null;
        return media.MediaType.Value?.ToLowerInvariant() switch
        {
            "text/csv" => JobFormat.Csv,
            "application/x-ndjson" or "application/ndjson" => JobFormat.Ndjson,
            _ => null,
        };
    }

    /// <summary>The file's rows, read as they are enumerated; the file as a whole (its encoding, its header) is checked at once.</summary>
    /// <exception cref="JobFileException">The file as a whole cannot be read.</exception>
    public static IEnumerable<FileRow> Read(byte[] file, JobFormat format, IReadOnlyList<JobColumn> columns)
    {
        var text = TextOf(file);
        return format == JobFormat.Csv ? ReadCsv(text, columns) : ReadNdjson(text);
    }

    /// <summary>How many rows <see cref="Read"/> gives, without reading their fields; the file as a whole is checked as Read checks it.</summary>
    /// <exception cref="JobFileException">The file as a whole cannot be read.</exception>
    public static int CountRows(byte[] file, JobFormat format, IReadOnlyList<JobColumn> columns)
    {
        var text = TextOf(file);
        if (format == JobFormat.Ndjson) return NdjsonLines(text).Count();
        using var csv = OpenCsv(text, DelimiterOf(text), badData: () => { });
        HeaderOf(csv, columns);
        var rows = 0;
        while (csv.Read()) rows++;
        return rows;
    }

    private static string TextOf(byte[] file)
    {
        try
        {
            var bom = file.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
            return StrictUtf8.GetString(file, bom, file.Length - bom);
        }
        catch (DecoderFallbackException)
        {
            throw new JobFileException("The file is not UTF-8 text.", []);
        }
    }

    /// <summary>';' when the header row has one, else ','.</summary>
    private static string DelimiterOf(string text)
    {
        var lineEnd = text.IndexOfAny(['\r', '\n']);
        return (lineEnd < 0 ? text : text[..lineEnd]).Contains(';') ? ";" : ",";
    }

    /// <summary>The header is checked here, at once; each enumeration of the rows reads the text again.</summary>
    private static IEnumerable<FileRow> ReadCsv(string text, IReadOnlyList<JobColumn> columns)
    {
        var delimiter = DelimiterOf(text);
        using (var csv = OpenCsv(text, delimiter, badData: () => { }))
        {
            HeaderOf(csv, columns);
        }
        return CsvRows(text, delimiter, columns);
    }

    private static IEnumerable<FileRow> CsvRows(string text, string delimiter, IReadOnlyList<JobColumn> columns)
    {
        var badData = false;
        using var csv = OpenCsv(text, delimiter, badData: () => badData = true);
        var (fields, positions) = HeaderOf(csv, columns);
        for (var rowNumber = 1; csv.Read(); rowNumber++)
        {
            var record = csv.Parser.Record!;
            if (badData)
            {
                badData = false;
                yield return FileRow.Unreadable(rowNumber, "row", "has a quote inside a field that is not quoted (RFC 4180: quote the whole field and double its quotes)");
            }
            else if (record.Length != fields)
            {
                yield return FileRow.Unreadable(rowNumber, "row", $"has {record.Length} fields; the header has {fields}");
            }
            else
            {
                yield return CsvRow(rowNumber, record, positions);
            }
        }
    }

    private static CsvReader OpenCsv(string text, string delimiter, Action badData) =>
        new(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            Mode = CsvMode.RFC4180,
            BadDataFound = _ => badData(),
            MissingFieldFound = null,
            IgnoreBlankLines = true,
        });

    /// <summary>Reads the header row: how many fields it has and where each column is.</summary>
    private static (int Fields, List<(JobColumn Column, int Position)> Positions) HeaderOf(CsvReader csv, IReadOnlyList<JobColumn> columns)
    {
        if (!csv.Read() || csv.Parser.Record is not { Length: > 0 } header || header.All(string.IsNullOrWhiteSpace))
        {
            throw new JobFileException($"The file has no header row; it must name the columns {string.Join(", ", columns.Select(c => c.Name))}.", []);
        }
        return (header.Length, HeaderPositions(header, columns));
    }

    private static List<(JobColumn Column, int Position)> HeaderPositions(string[] header, IReadOnlyList<JobColumn> columns)
    {
        var names = header.Select(h => h.Trim()).ToList();
        var violations = new List<FieldViolation>();
        violations.AddRange(columns.Where(c => !names.Contains(c.Name, StringComparer.OrdinalIgnoreCase))
            .Select(c => new FieldViolation(c.Name, "is a required column; the header row does not have it")));
        violations.AddRange(names.Where(n => columns.All(c => !c.Name.Equals(n, StringComparison.OrdinalIgnoreCase)))
            .Select(n => new FieldViolation(n, $"is not a column of this file; the columns are {string.Join(", ", columns.Select(c => c.Name))}")));
        violations.AddRange(names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => new FieldViolation(g.Key, "is named twice in the header row")));
        if (violations.Count > 0)
        {
            throw new JobFileException($"The header row does not name the file's columns: {string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"))}.", violations);
        }
        return [.. columns.Select(c => (c, names.FindIndex(n => n.Equals(c.Name, StringComparison.OrdinalIgnoreCase))))];
    }

    private static FileRow CsvRow(int rowNumber, string[] record, List<(JobColumn Column, int Position)> positions)
    {
        var fields = new JsonObject();
        var violations = new List<FieldViolation>();
        foreach (var (column, position) in positions)
        {
            var cell = record[position];
            if (cell.Length == 0) continue;
            if (!column.Hundredths)
            {
                fields[column.JsonName] = cell;
            }
            else if (DanishDecimal.Hundredths(cell) is { } hundredths)
            {
                fields[column.JsonName] = hundredths;
            }
            else
            {
                violations.Add(new FieldViolation(column.Name, "is not a number with at most two decimals (15,5 or 15.5)"));
            }
        }
        return new FileRow(rowNumber, fields, violations);
    }

    private static IEnumerable<FileRow> ReadNdjson(string text) => NdjsonLines(text).Select(line => NdjsonRow(line.Number, line.Text));

    // A row's number is its line's: blank lines are skipped but counted.
    private static IEnumerable<(int Number, string Text)> NdjsonLines(string text)
    {
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line)) yield return (lineNumber, line);
        }
    }

    private static FileRow NdjsonRow(int lineNumber, string line)
    {
        try
        {
            return JsonNode.Parse(line) is JsonObject fields ? new FileRow(lineNumber, fields, []) : FileRow.Unreadable(lineNumber, "row", "is not a JSON object");
        }
        catch (JsonException)
        {
            return FileRow.Unreadable(lineNumber, "row", "is not valid JSON");
        }
    }
}
