using Partnerskab.Cli.Cohort;
using Partnerskab.Cli.Csv;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Scenario;
using Shouldly;

namespace Partnerskab.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class CliTests(SuiteFixture suite)
{
    [Fact]
    public async Task A_case_system_export_is_imported_with_a_summary_and_a_file_of_rejected_lines()
    {
        var partnership = (await suite.Clients.Cohort.CreatePartnershipAsync(ThinSlice.HaderslevAgreement(TestCitizens.UniqueReference("cli")),
            deadline: SuiteClients.Deadline())).Partnership;
        var dir = Directory.CreateTempSubdirectory("partnerskab-cli-");
        var csv = Path.Combine(dir.FullName, "citizens.csv");
        await File.WriteAllLinesAsync(csv,
        [
            "cpr;handover_date;benefit_type;weeks_sick_listed;case_reference",
            $"{TestCitizens.Cpr(6000)};2023-04-03;sygedagpenge;31;HAD-6000",
            $"{TestCitizens.Cpr(6001)};2023-04-04;job_clarification_benefit;45;\"HAD;6001\"",
            $"{TestCitizens.Cpr(6002)};2023-04-05;sickness_benefit;12;HAD-6002",
            "",
            $"{TestCitizens.Cpr(6003)};04-05-2023;sickness_benefit;40;HAD-6003",
            "311399-1234;2023-04-05;sickness_benefit;40;HAD-BAD",
        ]);
        var rejectedPath = Path.Combine(dir.FullName, "rejected.csv");
        var output = new StringWriter();

        var summary = await new CohortImport(suite.Clients.Cohort, output, TextWriter.Null)
            .RunAsync(partnership.PartnershipId, csv, rejectedPath, "cli-test-1");

        summary.ShouldBe(new CsvImport.Summary(Lines: 5, Accepted: 2, Unchanged: 0, Rejected: 3, "cli-test-1", Replayed: false));
        output.ToString().ShouldContain("accepted          2");
        var rejected = await File.ReadAllLinesAsync(rejectedPath);
        rejected[0].ShouldBe("line;cpr;handover_date;benefit_type;weeks_sick_listed;case_reference;reasons");
        rejected.Skip(1).Select(l => l.Split(';')[0]).ShouldBe(["4", "6", "7"]);
        rejected[1].ShouldContain("weeks_sick_listed: must be more than 26 weeks");
        rejected[2].ShouldContain("handover_date: '04-05-2023' is not a date");
        rejected[3].ShouldContain("cpr: does not start with a valid birth date");

        var again = await new CohortImport(suite.Clients.Cohort, TextWriter.Null, TextWriter.Null)
            .RunAsync(partnership.PartnershipId, csv, rejectedPath, "cli-test-2");
        (again.Accepted, again.Unchanged, again.Rejected).ShouldBe((0, 2, 3));
        dir.Delete(recursive: true);
    }
}
