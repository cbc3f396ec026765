using System.Globalization;
using Partnerskab.Imports.Csv;
using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Imports.BankStatements;

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

    /// <returns>One entry per record, numbered by the line it starts on (the header is line 1).</returns>
    public static IReadOnlyList<BankStatementEntry> Parse(string text)
    {
        var table = CsvTable.Read(text);
        var columns = CsvFile.ReadHeader(table.Header, Columns);
        return table.Rows.Select(row => ParseLine(row.LineNumber, new CsvRecord(row.Fields, columns))).ToList();
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

    private static BankStatementEntry ParseLine(int lineNumber, CsvRecord record)
    {
        var line = new BankStatementLine { BankLineId = record["bank_line_id"], Reference = record["reference"] };
        if (line.BankLineId.Length == 0) record.Problems.Add("bank_line_id: is empty");
        record.ReadDate("booked_on", date => line.BookedOn = date);
        record.Read("amount", Ore, ore => line.AmountOre = ore, "a positive amount in kroner with at most two decimals");
        return new BankStatementEntry(lineNumber, record.Problems.Count == 0 ? line : null, record.Problems);
    }
}
