using System.Text;

namespace Partnerskab.Imports.BankStatements;

public enum BankStatementFormat
{
    Csv,
    Camt053,
}

/// <summary>
/// A bank statement file as finance downloads it from the bank: ISO 20022 camt.053 XML when it
/// starts with '&lt;', otherwise the CSV of <see cref="BankStatementCsv"/> (UTF-8).
/// </summary>
public sealed record BankStatementFile(BankStatementFormat Format, IReadOnlyList<BankStatementEntry> Credits, int EntriesSkipped)
{
    /// <exception cref="FormatException">The file is neither a camt.053 statement nor a CSV statement with the columns it needs.</exception>
    public static BankStatementFile Read(byte[] content)
    {
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(content).TrimStart('\uFEFF');
        if (text.TrimStart().StartsWith('<'))
        {
            using var stream = new MemoryStream(content);
            var camt = Camt053Statement.Parse(stream);
            return new BankStatementFile(BankStatementFormat.Camt053, camt.Credits, camt.EntriesSkipped);
        }
        return new BankStatementFile(BankStatementFormat.Csv, BankStatementCsv.Parse(text), 0);
    }

    /// <summary>The lines to record; only when every credit could be read.</summary>
    public IReadOnlyList<Protos.Payment.V1.BankStatementLine>? Lines =>
        Credits.All(c => c.StatementLine is not null) ? [.. Credits.Select(c => c.StatementLine!)] : null;
}
