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
        var columns = CitizenCsv.ReadHeader(Header, ';');
        var line = CitizenCsv.ParseLine(2, "HAD-1;150385-1234;2023-04-03;sygedagpenge;31", ';', columns);

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
        var error = Should.Throw<FormatException>(() => CitizenCsv.ReadHeader("cpr;handover_date;case_reference", ';'));
        error.Message.ShouldContain("benefit_type, weeks_sick_listed");
    }

    [Fact]
    public void Quoted_fields_keep_separators_and_doubled_quotes()
    {
        CsvFile.SplitFields("\"HAD;1\";\"say \"\"hi\"\"\";x", ';').ShouldBe(["HAD;1", "say \"hi\"", "x"]);
        CsvFile.Quote("a;b", ';').ShouldBe("\"a;b\"");
        CsvFile.Quote("say \"hi\"", ';').ShouldBe("\"say \"\"hi\"\"\"");
        CsvFile.Quote("plain", ';').ShouldBe("plain");
    }

    [Fact]
    public void Every_field_that_cannot_be_read_is_reported_and_the_line_is_not_sent()
    {
        var columns = CitizenCsv.ReadHeader(Header, ';');
        var line = CitizenCsv.ParseLine(7, "HAD-7;150385-1234;03-04-2023;disability;thirty", ';', columns);

        line.Row.ShouldBeNull();
        line.Problems.Count.ShouldBe(3);
        line.Problems.ShouldContain(p => p.StartsWith("handover_date: '03-04-2023'"));
        line.Problems.ShouldContain(p => p.StartsWith("benefit_type: 'disability'"));
        line.Problems.ShouldContain(p => p.StartsWith("weeks_sick_listed: 'thirty'"));
    }

    [Fact]
    public void A_short_line_lacks_its_last_fields_instead_of_failing()
    {
        var columns = CitizenCsv.ReadHeader(Header, ';');
        var line = CitizenCsv.ParseLine(3, "HAD-3;150385-1234", ';', columns);
        line.Row.ShouldBeNull();
        line.Problems.Count.ShouldBe(3);
    }
}
