using System.Text;
using Partnerskab.Gateway.Jobs;
using Shouldly;

namespace Partnerskab.Gateway.Tests;

/// <summary>Reading bulk files and their Danish decimals: pure, no process started.</summary>
public sealed class JobFileTests
{
    private static readonly JobColumn[] Columns = [new("citizenId", "citizenId"), new("paidHours", "paidHoursHundredths", Hundredths: true)];

    [Theory]
    [InlineData("15,5", 1550L)]
    [InlineData("15.5", 1550L)]
    [InlineData("12500,50", 1250050L)]
    [InlineData("0", 0L)]
    [InlineData(" 7,05 ", 705L)]
    [InlineData("1.234,50", null)]
    [InlineData("99,999", null)]
    [InlineData("15,", null)]
    [InlineData("fifteen", null)]
    [InlineData("", null)]
    public void A_danish_decimal_is_whole_hundredths_or_nothing(string text, long? hundredths) =>
        DanishDecimal.Hundredths(text).ShouldBe(hundredths);

    [Fact]
    public void The_header_decides_the_delimiter_and_a_byte_order_mark_is_skipped()
    {
        var rows = JobFile.Read(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("citizenId,paidHours\nabc,\"15,5\"\n")).ToArray(), JobFormat.Csv, Columns);

        rows.ShouldHaveSingleItem().Fields!.ToJsonString().ShouldBe("""{"citizenId":"abc","paidHoursHundredths":1550}""");
    }

    [Fact]
    public void A_missing_or_unknown_column_refuses_the_file_naming_each()
    {
        var refused = Should.Throw<JobFileException>(() => JobFile.Read(Encoding.UTF8.GetBytes("citizenId;hours\nabc;1\n"), JobFormat.Csv, Columns));

        refused.Violations.Select(v => v.Field).ShouldBe(["paidHours", "hours"]);
    }

    [Fact]
    public void A_row_with_too_few_fields_is_unreadable_and_the_next_row_is_kept()
    {
        var rows = JobFile.Read(Encoding.UTF8.GetBytes("citizenId;paidHours\nabc\ndef;2\n"), JobFormat.Csv, Columns).ToList();

        rows.Select(r => r.RowNumber).ShouldBe([1, 2]);
        rows[0].Violations.ShouldHaveSingleItem().Field.ShouldBe("row");
        rows[1].Violations.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(JobFormat.Csv, "citizenId;paidHours\nabc;1\n\ndef\n\"g\"h\";2\n\"multi\nline\";3\r\nlast;4")]
    [InlineData(JobFormat.Csv, "citizenId,paidHours\n")]
    [InlineData(JobFormat.Ndjson, "{\"citizenId\":\"abc\"}\n\n  \nnot json\n[1]\n{}")]
    public void The_row_count_is_the_number_of_rows_read(JobFormat format, string file)
    {
        var bytes = Encoding.UTF8.GetBytes(file);

        JobFile.CountRows(bytes, format, Columns).ShouldBe(JobFile.Read(bytes, format, Columns).Count());
    }

    [Fact]
    public void The_row_count_refuses_a_file_as_reading_it_does() =>
        Should.Throw<JobFileException>(() => JobFile.CountRows(Encoding.UTF8.GetBytes("citizenId;hours\nabc;1\n"), JobFormat.Csv, Columns))
            .Violations.Select(v => v.Field).ShouldBe(["paidHours", "hours"]);

    [Fact]
    public void Bytes_that_are_not_utf8_refuse_the_file()
    {
        Should.Throw<JobFileException>(() => JobFile.Read([0x63, 0x3B, 0xFF, 0x0A], JobFormat.Csv, Columns));
    }

    [Theory]
    [InlineData("text/csv", JobFormat.Csv)]
    [InlineData("text/csv; charset=utf-8", JobFormat.Csv)]
    [InlineData("application/x-ndjson", JobFormat.Ndjson)]
    [InlineData("text/csv; charset=latin1", null)]
    [InlineData("application/json", null)]
    public void The_content_type_names_the_format(string contentType, JobFormat? format) => JobFile.FormatOf(contentType).ShouldBe(format);
}
