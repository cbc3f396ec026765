using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Partnerskab.Cli.Finance;

/// <summary>
/// A table for people, laid out by Spectre.Console: a header, a rule of dashes under each column,
/// then rows; amounts right-aligned. Plain text (no colours, no control codes, ASCII only), so the
/// same table reads well on a terminal, in a file and in a script.
/// </summary>
public static class TextTable
{
    public sealed record Column(string Header, bool RightAligned = false);

    public static string Format(IReadOnlyList<Column> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table { Border = new RuleUnderHeader() };
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column.Header)) { Alignment = column.RightAligned ? Justify.Right : Justify.Left, NoWrap = true });
        }
        foreach (var row in rows) table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());

        var text = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(text),
        });
        console.Profile.Width = 4096;
        console.Write(table);
        // The border's top and bottom lines are blank: only the rule under the header is drawn.
        var lines = text.ToString().Split('\n')[1..^2].Select(line => line.TrimEnd());
        return string.Concat(lines.Select(line => line + "\n"));
    }

    /// <summary>Two columns, a term and its value: one record's fields.</summary>
    public static string Terms(IEnumerable<(string Term, string Value)> terms) =>
        Format([new("term"), new("value")], terms.Select(t => (IReadOnlyList<string>)[t.Term, t.Value]));

    /// <summary>The line after a page that is not the last: how to ask for the next one.</summary>
    public static string NextPage(string pageToken) => pageToken.Length == 0 ? "" : $"  more on the next page: page token {pageToken}\n";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Hundredths as a number with two decimals: 1550 as "15.50".</summary>
    public static string Hundredths(long value) => (value / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Øre as kroner with a thousands separator and two decimals: 123456789 as "1,234,567.89".</summary>
    public static string Kroner(long ore) => (ore / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>No lines but a rule of dashes under each column's header.</summary>
    private sealed class RuleUnderHeader : TableBorder
    {
        public override string GetPart(TableBorderPart part) => part == TableBorderPart.HeaderBottom ? "-" : " ";
    }
}
