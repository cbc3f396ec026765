using System.Text;
using Partnerskab.Imports.BankStatements;
using Partnerskab.Protos.Payment.V1;
using Date = Google.Type.Date;

namespace Partnerskab.Cli.Tests;

public sealed class Camt053StatementTests
{
    private static readonly Date July31 = new() { Year = 2023, Month = 7, Day = 31 };

    [Fact]
    public void A_bank_statement_gives_its_booked_credits_one_per_transaction_and_skips_debits_and_pending_entries()
    {
        var statement = BankStatementFile.Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", "camt053-001-02.xml")));

        statement.Format.ShouldBe(BankStatementFormat.Camt053);
        statement.EntriesSkipped.ShouldBe(2);
        statement.Credits.Select(c => c.Number).ShouldBe([1, 3, 3]);
        statement.Lines.ShouldBe(
        [
            new BankStatementLine { BankLineId = "2023073100012345", AmountOre = 18_625_000, BookedOn = July31, Reference = "Faktura 17" },
            new BankStatementLine { BankLineId = "2023073100012346-1", AmountOre = 1_250_000, BookedOn = July31, Reference = "Faktura 18" },
            new BankStatementLine { BankLineId = "2023073100012346/2", AmountOre = 750_000, BookedOn = July31, Reference = "Faktura 19" },
        ]);
    }

    [Fact]
    public void An_entry_without_details_takes_its_own_reference_and_the_additional_information_as_text()
    {
        var statement = Read(Entry("""
            <NtryRef>7</NtryRef><Amt Ccy="DKK">0.01</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
            <BookgDt><DtTm>2025-01-22T10:15:00+01:00</DtTm></BookgDt><AddtlNtryInf>Faktura 9</AddtlNtryInf>
            """), version: "001.08");

        statement.Lines.ShouldBe([new BankStatementLine { BankLineId = "7", AmountOre = 1, BookedOn = new Date { Year = 2025, Month = 1, Day = 22 }, Reference = "Faktura 9" }]);
    }

    [Fact]
    public void A_credit_that_cannot_be_read_says_why_and_the_statement_gives_no_lines_to_record()
    {
        var statement = Read(
            Entry("""<Amt Ccy="EUR">100.005</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>""")
            + Entry("""<AcctSvcrRef>A-2</AcctSvcrRef><Amt Ccy="DKK">250.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2023-07-31</Dt></BookgDt>"""));

        statement.Lines.ShouldBeNull();
        var bad = statement.Credits[0];
        bad.StatementLine.ShouldBeNull();
        bad.Problems.ShouldBe(
        [
            "AcctSvcrRef: the entry has no bank reference (AcctSvcrRef or NtryRef)",
            "Amt: the currency is 'EUR', not DKK",
            "Amt: '100.005' is not a positive amount with at most two decimals",
            "BookgDt: the entry has no booking date",
        ]);
        statement.Credits[1].StatementLine!.AmountOre.ShouldBe(25_000);
    }

    [Theory]
    [InlineData("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"/>", "not an ISO 20022 camt.053 statement")]
    [InlineData("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">", "not well-formed XML")]
    [InlineData("<!DOCTYPE d [<!ENTITY x \"y\">]><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">&x;</Document>", "not well-formed XML")]
    public void Other_documents_are_refused(string xml, string reason)
    {
        Should.Throw<FormatException>(() => BankStatementFile.Read(Encoding.UTF8.GetBytes(xml))).Message.ShouldContain(reason);
    }

    [Fact]
    public void A_file_that_does_not_start_with_markup_is_read_as_the_csv_statement()
    {
        var statement = BankStatementFile.Read(Encoding.UTF8.GetBytes("\uFEFFbank_line_id;booked_on;amount;reference\r\nL-1;2023-07-31;186250,00;Faktura 17\r\n"));

        statement.Format.ShouldBe(BankStatementFormat.Csv);
        statement.Lines.ShouldBe([new BankStatementLine { BankLineId = "L-1", AmountOre = 18_625_000, BookedOn = July31, Reference = "Faktura 17" }]);
    }

    private static BankStatementFile Read(string entries, string version = "001.02") => BankStatementFile.Read(Encoding.UTF8.GetBytes(
        $"""<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.{version}"><BkToCstmrStmt><Stmt>{entries}</Stmt></BkToCstmrStmt></Document>"""));

    private static string Entry(string content) => $"<Ntry>{content}</Ntry>";
}
