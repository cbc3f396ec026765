using Partnerskab.Cli.Finance;
using Partnerskab.Imports.BankStatements;
using Partnerskab.Protos.Payment.V1;
using Date = Google.Type.Date;

namespace Partnerskab.Cli.Tests;

public sealed class BankStatementTests
{
    [Theory]
    [InlineData("186250", 18_625_000L)]
    [InlineData("186250.00", 18_625_000L)]
    [InlineData("186250,5", 18_625_050L)]
    [InlineData(" 0,01 ", 1L)]
    [InlineData("1250.75", 125_075L)]
    public void An_amount_in_kroner_is_read_as_whole_ore(string text, long ore)
    {
        BankStatementCsv.Ore(text).ShouldBe(ore);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("-100.00")]
    [InlineData("1.234,56")]
    [InlineData("12.345")]
    [InlineData("12.")]
    [InlineData("1e5")]
    [InlineData("DKK 100")]
    [InlineData("1000000000000000")]
    public void Anything_but_a_positive_amount_with_at_most_two_decimals_is_refused(string text)
    {
        BankStatementCsv.Ore(text).ShouldBeNull();
    }

    [Fact]
    public void Columns_are_found_by_the_header_in_any_order_and_quoted_fields_keep_their_separators()
    {
        var lines = BankStatementCsv.Parse("""
            Reference;Amount;Booked_On;Bank_Line_Id
            "Faktura 17; rest";186250,00;2023-07-31;L-1

            Faktura 18;188750;2023-10-25;L-2
            """);

        lines.Select(l => l.Number).ShouldBe([2, 4]);
        lines[0].StatementLine.ShouldBe(new BankStatementLine
        {
            BankLineId = "L-1", AmountOre = 18_625_000, BookedOn = new Date { Year = 2023, Month = 7, Day = 31 }, Reference = "Faktura 17; rest",
        });
        lines[1].StatementLine!.AmountOre.ShouldBe(18_875_000);
        lines.ShouldAllBe(l => l.Problems.Count == 0);
    }

    [Fact]
    public void A_line_that_cannot_be_read_says_why_for_each_field()
    {
        var line = BankStatementCsv.Parse("bank_line_id,booked_on,amount,reference\n,31-07-2023,-5,Faktura 1").ShouldHaveSingleItem();

        line.StatementLine.ShouldBeNull();
        line.Problems.ShouldBe(
        [
            "bank_line_id: is empty",
            "booked_on: '31-07-2023' is not a date as YYYY-MM-DD",
            "amount: '-5' is not a positive amount in kroner with at most two decimals",
        ]);
    }

    [Fact]
    public void A_header_without_every_column_is_refused_by_name()
    {
        Should.Throw<FormatException>(() => BankStatementCsv.Parse("bank_line_id;amount")).Message
            .ShouldBe("the header lacks the column(s) booked_on, reference; it must name bank_line_id, booked_on, amount, reference");
        Should.Throw<FormatException>(() => BankStatementCsv.Parse(""));
    }

    [Fact]
    public void The_reconciliation_lists_each_invoice_with_its_findings_then_the_payments_of_unknown_reference()
    {
        var report = BankPayments.ReconciliationReport(new GetReconciliationResponse
        {
            Invoices =
            {
                new ReconciledInvoice
                {
                    Number = 1, DueDate = Day(2023, 8, 2), TotalAmountOre = 18_750_000, CreditedOre = 125_000, PaidOre = 18_625_000, OutstandingOre = 0,
                    Status = InvoiceStatus.Paid, BankLineIds = { "L-1" },
                },
                new ReconciledInvoice
                {
                    Number = 3, DueDate = Day(2024, 2, 1), TotalAmountOre = 1_000_000, PaidOre = 400_000, OutstandingOre = 600_000,
                    Status = InvoiceStatus.Overdue, BankLineIds = { "L-2" }, Findings = { ReconciliationFinding.Underpaid, ReconciliationFinding.Overdue },
                },
            },
            UnknownReferences = { new BankStatementLine { BankLineId = "L-9", AmountOre = 5_000, BookedOn = Day(2024, 3, 1), Reference = "Tak for sidst" } },
        });

        var lines = report.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        FinanceTests.Cells(string.Join('\n', lines.Take(4)))[1..].ShouldBe(
        [
            ["1", "2023-08-02", "187,500.00", "1,250.00", "186,250.00", "0.00", "paid", "", "L-1"],
            ["3", "2024-02-01", "10,000.00", "0.00", "4,000.00", "6,000.00", "overdue", "underpaid, overdue", "L-2"],
        ]);
        lines[4].ShouldBe("  underpaid 1, overpaid 0, paid twice 0, overdue 1, unknown reference 1");
        lines[5].ShouldBe("  Payments whose reference names no invoice:");
        FinanceTests.Cells(string.Join('\n', lines.Skip(6)))[1].ShouldBe(["L-9", "2024-03-01", "50.00", "Tak for sidst"]);
    }

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };
}
