using Partnerskab.Cli.Cohort;
using Partnerskab.Cli.Csv;
using Partnerskab.Imports.Csv;
using Partnerskab.Protos.Cohort.V1;

namespace Partnerskab.Cli.Tests;

public sealed class CitizenCsvTests
{
    private const string Header = "case_reference;cpr;handover_date;benefit_type;weeks_sick_listed";

    [Fact]
    public void Columns_are_found_by_name_in_any_order()
    {
        var line = Parse("HAD-1;150385-1234;2023-04-03;sygedagpenge;31");

        line.Problems.ShouldBeEmpty();
        line.Row.ShouldNotBeNull();
        line.Row.Cpr.ShouldBe("150385-1234");
        line.Row.CaseReference.ShouldBe("HAD-1");
        line.Row.BenefitType.ShouldBe(BenefitType.SicknessBenefit);
        line.Row.WeeksSickListed.ShouldBe(31);
        (line.Row.HandoverDate.Year, line.Row.HandoverDate.Month, line.Row.HandoverDate.Day).ShouldBe((2023, 4, 3));
    }

    [Theory]
    [InlineData("cpr;handover_date;benefit_type;weeks_sick_listed;case_reference", ';')]
    [InlineData("cpr,handover_date,benefit_type,weeks_sick_listed,case_reference", ',')]
    public void The_separator_is_read_from_the_header(string header, char separator)
    {
        CsvFile.DetectSeparator(header).ShouldBe(separator);
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var error = Should.Throw<FormatException>(() => CitizenCsv.ReadHeader(["cpr", "handover_date", "case_reference"]));
        error.Message.ShouldContain("benefit_type, weeks_sick_listed");
    }

    [Fact]
    public void Quoted_fields_keep_separators_doubled_quotes_and_line_breaks_and_each_record_keeps_the_line_it_starts_on()
    {
        var table = CsvTable.Read("\uFEFFa;b;c\r\n\"HAD;1\";\"say \"\"hi\"\"\";x\r\n\r\n\"two\r\nlines\";y;z\r\nlast;;\r\n");

        table.Separator.ShouldBe(';');
        table.Header.ShouldBe(["a", "b", "c"]);
        table.Rows.Select(r => r.LineNumber).ShouldBe([2, 4, 6]);
        table.Rows[0].Fields.ShouldBe(["HAD;1", "say \"hi\"", "x"]);
        table.Rows[1].Fields.ShouldBe(["two\r\nlines", "y", "z"]);
        table.Rows[2].Fields.ShouldBe(["last", "", ""]);
        Should.Throw<FormatException>(() => CsvTable.Read(""));
        CsvFile.Quote("a;b", ';').ShouldBe("\"a;b\"");
        CsvFile.Quote("say \"hi\"", ';').ShouldBe("\"say \"\"hi\"\"\"");
        CsvFile.Quote("plain", ';').ShouldBe("plain");
    }

    [Fact]
    public void Every_field_that_cannot_be_read_is_reported_and_the_line_is_not_sent()
    {
        var line = Parse("HAD-7;150385-1234;03-04-2023;disability;thirty");

        line.Row.ShouldBeNull();
        line.Problems.Count.ShouldBe(3);
        line.Problems.ShouldContain(p => p.StartsWith("handover_date: '03-04-2023'"));
        line.Problems.ShouldContain(p => p.StartsWith("benefit_type: 'disability'"));
        line.Problems.ShouldContain(p => p.StartsWith("weeks_sick_listed: 'thirty'"));
    }

    [Fact]
    public void A_short_line_lacks_its_last_fields_instead_of_failing()
    {
        var line = Parse("HAD-3;150385-1234");
        line.Row.ShouldBeNull();
        line.Problems.Count.ShouldBe(3);
    }

    private static CsvLine<CitizenRow> Parse(string line)
    {
        var table = CsvTable.Read($"{Header}\n{line}");
        return CitizenCsv.ParseLine(table.Rows.ShouldHaveSingleItem(), CitizenCsv.ReadHeader(table.Header));
    }
}
