using System.Globalization;
using System.Text;

namespace Partnerskab.Cli.Finance;

/// <summary>A plain-text table for a terminal: a header, a rule, then rows; amounts right-aligned.</summary>
public static class TextTable
{
    public sealed record Column(string Header, bool RightAligned = false);

    public static string Format(IReadOnlyList<Column> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.ToList();
        var widths = columns.Select((c, i) => all.Select(r => r[i].Length).Append(c.Header.Length).Max()).ToArray();
        var text = new StringBuilder();
        Append(columns.Select(c => c.Header).ToList());
        text.Append("  ").AppendJoin(' ', widths.Select(w => new string('-', w))).Append('\n');
        all.ForEach(Append);
        return text.ToString();

        void Append(IReadOnlyList<string> cells)
        {
            text.Append("  ").AppendJoin(' ', cells.Select((cell, i) => columns[i].RightAligned ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i])));
            text.Append('\n');
        }
    }

    /// <summary>Øre as kroner with a thousands separator and two decimals: 123456789 as "1,234,567.89".</summary>
    public static string Kroner(long ore) => (ore / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);
}
