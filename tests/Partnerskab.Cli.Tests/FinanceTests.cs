using Partnerskab.Cli.Finance;
using Partnerskab.Protos.Payment.V1;
using Date = Google.Type.Date;

namespace Partnerskab.Cli.Tests;

public sealed class FinanceTests
{
    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(5L, "0.05")]
    [InlineData(123_456_789L, "1,234,567.89")]
    [InlineData(-250_050L, "-2,500.50")]
    public void Ore_are_printed_as_kroner_with_two_decimals(long ore, string text)
    {
        TextTable.Kroner(ore).ShouldBe(text);
    }

    [Fact]
    public void Columns_are_as_wide_as_their_widest_cell_and_amounts_are_right_aligned()
    {
        var text = TextTable.Format([new("name"), new("amount", RightAligned: true)], [["handover fee", "25,000.00"], ["cap", "-5.00"]]);

        text.Split('\n').ShouldBe(
        [
            "  name              amount",
            " -------------- -----------",
            "  handover fee   25,000.00",
            "  cap                -5.00",
            "",
        ]);
    }

    [Fact]
    public void Invoices_and_credit_notes_are_printed_one_per_line_with_their_standing()
    {
        var invoice = new Invoice
        {
            Number = 17, Kind = DocumentKind.Invoice, IssueDate = Day(2024, 6, 3), DueDate = Day(2024, 7, 3),
            PeriodStart = Day(2024, 5, 1), PeriodEnd = Day(2024, 5, 31), NetAmountOre = 4_249_950, VatAmountOre = 1_062_488,
            TotalAmountOre = 5_312_438, Status = InvoiceStatus.PartlyPaid, OutstandingOre = 312_438, PayerId = "FUND",
        };
        var creditNote = new Invoice
        {
            Number = 18, Kind = DocumentKind.CreditNote, IssueDate = Day(2024, 7, 2), PeriodStart = Day(2024, 6, 1), PeriodEnd = Day(2024, 6, 30),
            CreditedInvoiceNumber = 17, NetAmountOre = 1_000_000, VatAmountOre = 250_000, TotalAmountOre = 1_250_000, Status = InvoiceStatus.Issued,
        };

        var rows = Cells(InvoiceDocuments.Table([invoice, creditNote]));

        rows[0].ShouldBe(["number", "document", "payer", "issued", "due", "period", "credits", "net DKK", "VAT DKK", "total DKK", "status", "outstanding DKK"]);
        rows[1].ShouldBe(["17", "invoice", "FUND", "2024-06-03", "2024-07-03", "2024-05-01..2024-05-31", "", "42,499.50", "10,624.88", "53,124.38", "partly paid", "3,124.38"]);
        rows[2].ShouldBe(["18", "credit note", "", "2024-07-02", "", "2024-06-01..2024-06-30", "17", "10,000.00", "2,500.00", "12,500.00", "issued", ""]);
    }

    /// <summary>The table's cells, cut where the rule under the header has its dashes (a line ends after its last text).</summary>
    internal static List<string[]> Cells(string table)
    {
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var columns = System.Text.RegularExpressions.Regex.Matches(lines[1], "-+").Select(m => (m.Index, m.Length)).ToList();
        return lines.Where((_, i) => i != 1)
            .Select(line => columns.Select(c => c.Index >= line.Length ? "" : line.Substring(c.Index, Math.Min(c.Length, line.Length - c.Index)).Trim()).ToArray())
            .ToList();
    }

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };
}
