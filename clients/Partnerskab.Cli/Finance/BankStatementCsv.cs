using System.Globalization;
using Partnerskab.Cli.Cohort;
using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Cli.Finance;

/// <summary>
/// Reads a bank statement exported as CSV: a header line, then one credit line (money received)
/// a line, separated by ';' or ',' and quoted as in RFC 4180. Columns, in any order:
/// bank_line_id (the bank's id of the line, unique on the account's statements), booked_on
/// (YYYY-MM-DD), amount (kroner, positive, at most two decimals after '.' or ',', no thousands
/// separators: "186250", "186250.00", "186250,5") and reference (the payer's text, which names the
/// invoice number, e.g. "Faktura 17").
/// </summary>
public static class BankStatementCsv
{
    public static readonly string[] Columns = ["bank_line_id", "booked_on", "amount", "reference"];

    /// <summary>One line of the file: the statement line to send, or why it cannot be sent.</summary>
    public sealed record Line(int LineNumber, BankStatementLine? StatementLine, IReadOnlyList<string> Problems);

    public static IReadOnlyList<Line> Parse(IReadOnlyList<string> text)
    {
        if (text.Count == 0) throw new FormatException("the statement is empty; it needs a header line");
        var separator = CitizenCsv.DetectSeparator(text[0]);
        var names = CitizenCsv.SplitFields(text[0], separator).Select(n => n.Trim().ToLowerInvariant()).ToList();
        var missing = Columns.Where(c => !names.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"the header lacks the column(s) {string.Join(", ", missing)}; it must name {string.Join(", ", Columns)}");
        }
        var columns = Columns.ToDictionary(c => c, c => names.IndexOf(c));
        return text.Select((line, index) => (line, number: index + 1))
            .Skip(1)
            .Where(l => l.line.Trim().Length > 0)
            .Select(l => ParseLine(l.number, CitizenCsv.SplitFields(l.line, separator), columns))
            .ToList();
    }

    /// <summary>Kroner as written in the file, in whole øre; null when it is not a positive amount with at most two decimals.</summary>
    public static long? Ore(string amount)
    {
        var parts = amount.Trim().Split('.', ',');
        if (parts.Length > 2 || parts[0].Length is 0 or > 15 || !parts[0].All(char.IsAsciiDigit)) return null;
        var fraction = parts.Length == 2 ? parts[1] : "";
        if ((parts.Length == 2 && fraction.Length is 0 or > 2) || !fraction.All(char.IsAsciiDigit)) return null;
        var ore = long.Parse(parts[0], CultureInfo.InvariantCulture) * 100 + (fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(2, '0'), CultureInfo.InvariantCulture));
        return ore > 0 ? ore : null;
    }

    private static Line ParseLine(int lineNumber, IReadOnlyList<string> fields, IReadOnlyDictionary<string, int> columns)
    {
        string Field(string name) => columns[name] < fields.Count ? fields[columns[name]].Trim() : "";
        var problems = new List<string>();
        var line = new BankStatementLine { BankLineId = Field("bank_line_id"), Reference = Field("reference") };
        if (line.BankLineId.Length == 0) problems.Add("bank_line_id: is empty");
        if (DateOnly.TryParseExact(Field("booked_on"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var booked))
        {
            line.BookedOn = new Google.Type.Date { Year = booked.Year, Month = booked.Month, Day = booked.Day };
        }
        else
        {
            problems.Add($"booked_on: '{Field("booked_on")}' is not a date as YYYY-MM-DD");
        }
        if (Ore(Field("amount")) is { } ore)
        {
            line.AmountOre = ore;
        }
        else
        {
            problems.Add($"amount: '{Field("amount")}' is not a positive amount in kroner with at most two decimals");
        }
        return new Line(lineNumber, problems.Count == 0 ? line : null, problems);
    }
}
