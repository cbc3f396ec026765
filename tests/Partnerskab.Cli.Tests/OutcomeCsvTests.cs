using Partnerskab.Cli.Csv;
using Partnerskab.Cli.Outcome;
using Partnerskab.Imports.Csv;
using Partnerskab.Protos.Outcome.V1;

namespace Partnerskab.Cli.Tests;

public sealed class OutcomeCsvTests
{
    [Fact]
    public void A_status_line_becomes_a_row_with_its_iso_week_and_hours_in_hundredths()
    {
        var table = CsvTable.Read("iso_week;citizen_id;status;paid_hours\n2020-W53;0123456789abcdef0123456789abcdef;Ordinary_Employment;15,5");

        var line = StatusCsv.ParseLine(table.Rows[0], StatusCsv.ReadHeader(table.Header));

        line.Problems.ShouldBeEmpty();
        line.Row.ShouldBe(new WeeklyStatusRow
        {
            CitizenId = "0123456789abcdef0123456789abcdef", IsoWeekYear = 2020, IsoWeek = 53, Status = WeeklyStatus.OrdinaryEmployment, PaidHoursHundredths = 1550,
        });
    }

    [Fact]
    public void Paid_hours_are_optional_and_every_status_of_the_api_has_a_name()
    {
        var table = CsvTable.Read("citizen_id,iso_week,status\nx,2023-W14,job_clarification_benefit");

        StatusCsv.ParseLine(table.Rows[0], StatusCsv.ReadHeader(table.Header)).Row!.PaidHoursHundredths.ShouldBe(0);
        StatusCsv.Statuses.Count.ShouldBe(Enum.GetValues<WeeklyStatus>().Length - 1);
        StatusCsv.Statuses["self_supporting_other"].ShouldBe(WeeklyStatus.SelfSupportingOther);
    }

    [Fact]
    public void A_status_line_that_cannot_be_sent_says_why_for_every_field()
    {
        var table = CsvTable.Read("citizen_id;iso_week;status;paid_hours\nx;2023-14;working;15.555");

        var line = StatusCsv.ParseLine(table.Rows[0], StatusCsv.ReadHeader(table.Header));

        line.Row.ShouldBeNull();
        line.Problems.Select(p => p.Split(':')[0]).ShouldBe(["iso_week", "status", "paid_hours"]);
        Should.Throw<FormatException>(() => StatusCsv.ReadHeader(["citizen_id", "status"])).Message.ShouldContain("iso_week");
    }

    [Fact]
    public void A_claim_line_becomes_a_claim_with_its_kind_date_and_hours()
    {
        var table = CsvTable.Read("""
            citizen_id;claim_reference;kind;outcome_date;hours_per_week;employer_cvr;evidence_reference
            0123456789abcdef0123456789abcdef;CL-1;job_start;2024-02-29;37;12345678;"contract; signed"
            x;CL-2;flex job;2023-02-29;;;e
            """);
        var columns = ClaimCsv.ReadHeader(table.Header);

        var line = ClaimCsv.ParseLine(table.Rows[0], columns);

        line.Row.ShouldBe(new ClaimOutcomeRequest
        {
            CitizenId = "0123456789abcdef0123456789abcdef", ClaimReference = "CL-1", Kind = OutcomeKind.JobStart,
            OutcomeDate = new Google.Type.Date { Year = 2024, Month = 2, Day = 29 }, HoursPerWeekHundredths = 3700, EmployerCvr = "12345678",
            EvidenceReference = "contract; signed",
        });
        ClaimCsv.ParseLine(table.Rows[1], columns).Problems.Select(p => p.Split(':')[0]).ShouldBe(["kind", "outcome_date"]);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("37", 3700)]
    [InlineData("15.5", 1550)]
    [InlineData("7,25", 725)]
    [InlineData("168", 16800)]
    public void Hours_are_read_in_hundredths(string text, int hundredths) => CsvFile.Hundredths(text).ShouldBe(hundredths);

    [Theory]
    [InlineData("168.01")]
    [InlineData("-1")]
    [InlineData("1.005")]
    [InlineData("ten")]
    public void What_is_not_hours_is_refused(string text) => CsvFile.Hundredths(text).ShouldBeNull();
}
