using Partnerskab.Cli.Cohort;
using Partnerskab.Cli.Csv;
using Partnerskab.Cli.Outcome;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Scenario;
using Partnerskab.Testing;
using Partnerskab.Tokens;
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

        var summary = await new CohortImport(suite.Clients.Cohort, output, ProgressView.Plain(TextWriter.Null))
            .RunAsync(partnership.PartnershipId, csv, rejectedPath, "cli-test-1");

        summary.ShouldBe(new CsvImport.Summary(Lines: 5, Accepted: 2, Unchanged: 0, Rejected: 3, "cli-test-1", Replayed: false));
        output.ToString().Split('\n').ShouldContain(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).SequenceEqual(new[] { "accepted", "2" }));
        var rejected = await File.ReadAllLinesAsync(rejectedPath);
        rejected[0].ShouldBe("line;cpr;handover_date;benefit_type;weeks_sick_listed;case_reference;reasons");
        rejected.Skip(1).Select(l => l.Split(';')[0]).ShouldBe(["4", "6", "7"]);
        rejected[1].ShouldContain("weeks_sick_listed: must be more than 26 weeks");
        rejected[2].ShouldContain("handover_date: '04-05-2023' is not a date");
        rejected[3].ShouldContain("cpr: does not start with a valid birth date");

        var again = await new CohortImport(suite.Clients.Cohort, TextWriter.Null, ProgressView.Plain(TextWriter.Null))
            .RunAsync(partnership.PartnershipId, csv, rejectedPath, "cli-test-2");
        (again.Accepted, again.Unchanged, again.Rejected).ShouldBe((0, 2, 3));
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task A_providers_statuses_and_claims_are_sent_from_csv_and_the_timeline_shows_them()
    {
        var (partnership, citizen) = await InFollowUpAsync("cli-outcome", 6100);
        var dir = Directory.CreateTempSubdirectory("partnerskab-cli-");
        var statuses = Path.Combine(dir.FullName, "statuses.csv");
        await File.WriteAllLinesAsync(statuses,
        [
            "citizen_id;iso_week;status;paid_hours",
            $"{citizen.CitizenId};2023-W15;ordinary_employment;37",
            $"{citizen.CitizenId};2023-W16;sickness_benefit;",
            $"{citizen.CitizenId};2023-W16;working;",
            $"{citizen.CitizenId};2025-W20;education;",
        ]);

        var summary = await new StatusImport(suite.Clients.Outcome, TextWriter.Null, ProgressView.Plain(TextWriter.Null))
            .RunAsync(partnership.PartnershipId, StatusSource.Provider, statuses, statuses + ".rejected", "cli-statuses-1");

        summary.ShouldBe(new CsvImport.Summary(Lines: 4, Accepted: 2, Unchanged: 0, Rejected: 2, "cli-statuses-1", Replayed: false));
        var rejected = await File.ReadAllLinesAsync(statuses + ".rejected");
        rejected.Skip(1).Select(l => l.Split(';')[0]).ShouldBe(["4", "5"]);
        rejected[1].ShouldContain("status: 'working' is not one of");
        rejected[2].ShouldContain("iso_week: ");

        var claims = Path.Combine(dir.FullName, "claims.csv");
        await File.WriteAllLinesAsync(claims,
        [
            "citizen_id,claim_reference,kind,outcome_date,hours_per_week,employer_cvr,evidence_reference",
            $"{citizen.CitizenId},CLI-CL-1,job_start,2023-04-10,37,12345678,contract",
            $"{citizen.CitizenId},CLI-CL-2,job_start,2023-04-10,37,1234,contract",
        ]);
        var claimed = await new ClaimImport(suite.Clients.Outcome, TextWriter.Null, ProgressView.Plain(TextWriter.Null)).RunAsync(partnership.PartnershipId, claims, claims + ".rejected");
        var again = await new ClaimImport(suite.Clients.Outcome, TextWriter.Null, ProgressView.Plain(TextWriter.Null)).RunAsync(partnership.PartnershipId, claims, claims + ".rejected");

        (claimed.Accepted, claimed.Unchanged, claimed.Rejected).ShouldBe((1, 0, 1));
        (again.Accepted, again.Unchanged, again.Rejected).ShouldBe((0, 1, 1));
        var refused = (await File.ReadAllLinesAsync(claims + ".rejected"))[1];
        refused.ShouldStartWith("3,");
        refused.ShouldContain("employer_cvr: ");

        var output = new StringWriter();
        await new TimelineView(suite.Clients.Outcome, output).ShowAsync(partnership.PartnershipId, citizen.CitizenId);
        var lines = output.ToString().Split('\n');
        lines.ShouldContain(l => l.Contains("2023-W15") && l.Contains("ordinary_employment") && l.Contains("37.00") && l.TrimEnd().EndsWith("yes"));
        lines.ShouldContain(l => l.Contains("2023-W16") && l.Contains("sickness_benefit") && l.TrimEnd().EndsWith("no"));
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task The_worklist_command_prints_what_is_overdue_for_the_handed_over_citizen()
    {
        var (partnership, citizen) = await InFollowUpAsync("cli-worklist", 6200);
        await suite.Clients.Outcome.SetFollowUpPlanAsync(new SetFollowUpPlanRequest
        {
            PartnershipId = partnership.PartnershipId,
            Plan = new FollowUpPlan { ContactIntervalWeeks = 4, StatusCheckpointMonths = { 3 }, NoContactDays = 30 },
        }, deadline: SuiteClients.Deadline());
        var output = new StringWriter();

        // As of 2023-05-31 from a handover on 2023-04-03 without any contact: the first two periods (to 2023-04-30
        // and 2023-05-28) are overdue, and the citizen counts as without contact from 2023-05-03 (30 days).
        await new WorklistView(suite.Clients.Outcome, output).ShowAsync(partnership.PartnershipId, ThinSlice.Day(2023, 5, 31));

        var lines = output.ToString().Split('\n');
        lines[0].ShouldBe($"  Worklist of partnership {partnership.PartnershipId}: 1 citizens in follow-up, 0 closed out");
        lines.Where(l => l.Contains(citizen.CitizenId)).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ShouldBe(
        [
            ["2023-04-30", "contact_overdue", citizen.CitizenId, "58"],
            ["2023-05-03", "no_recent_contact", citizen.CitizenId, "58"],
            ["2023-05-28", "contact_overdue", citizen.CitizenId, "58"],
        ]);
    }

    [Fact]
    public async Task The_report_command_prints_the_committee_report_with_the_kpi_targets()
    {
        var (partnership, citizen) = await InFollowUpAsync("cli-report", 6201);
        await suite.Clients.Outcome.SetKpiTargetsAsync(new SetKpiTargetsRequest
        {
            PartnershipId = partnership.PartnershipId,
            Targets = { new KpiTarget { Code = "COMPANIES", Description = "companies recruited", Measure = KpiMeasure.Employers, Target = 12 } },
        }, deadline: SuiteClients.Deadline());
        await OutcomeTestData.StreamAsync(suite.Clients, partnership.PartnershipId, Guid.NewGuid().ToString(), StatusSource.Register,
            [OutcomeTestData.Row(citizen.CitizenId, 2023, 17, WeeklyStatus.SicknessBenefit)]);
        var output = new StringWriter();

        await new CommitteeReportView(suite.Clients.Outcome, output).ShowAsync(partnership.PartnershipId, ThinSlice.Day(2023, 5, 31));

        var lines = output.ToString().Split('\n');
        lines[0].ShouldBe($"  Committee report of partnership {partnership.PartnershipId} as of 2023-05-31: 1 citizens handed over");
        var header = lines.First(l => l.Contains("counted on"));
        var april = lines.Single(l => l.StartsWith("  2023-04"));
        // The week containing 2023-04-30 (2023-W17) was reported as sickness benefit; counts are right-aligned under their status.
        april.Substring(header.IndexOf("sickness_benefit"), "sickness_benefit".Length).Trim().ShouldBe("1");
        lines.ShouldContain(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).SequenceEqual(new[] { "COMPANIES", "companies", "recruited", "employers", "12", "0" }));
    }

    /// <summary>A new partnership with citizen n handed over, once the outcome service follows the citizen up.</summary>
    [Fact]
    public async Task The_command_tree_creates_a_partnership_from_json_records_an_exit_and_refuses_what_the_services_refuse()
    {
        var dir = Directory.CreateTempSubdirectory("partnerskab-cli-");
        var agreement = Path.Combine(dir.FullName, "agreement.json");
        await File.WriteAllTextAsync(agreement, Google.Protobuf.JsonFormatter.Default.Format(ThinSlice.HaderslevAgreement(TestCitizens.UniqueReference("cli-tree"))));
        string[] common = ["--cohort-url", suite.Cohort.GrpcUrl.ToString(), "--token", suite.TokenFor(LocalSuite.Operator)];

        var created = await CliAsync(["cohort", "partnership", "create", "--request", agreement, "--output", "json", .. common]);
        created.ExitCode.ShouldBe(0);
        var partnershipId = System.Text.Json.JsonDocument.Parse(created.Output).RootElement.GetProperty("partnership").GetProperty("partnershipId").GetString()!;
        var versions = await CliAsync(["cohort", "partnership", "versions", "--partnership", partnershipId, .. common]);
        versions.ExitCode.ShouldBe(0);
        var rows = versions.Output.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        rows[0][..3].ShouldBe(["version", "recorded", "at"]);
        rows[2][0].ShouldBe("1");
        var read = await CliAsync(["cohort", "partnership", "get", "--partnership", partnershipId, .. common]);
        read.Output.ShouldStartWith($"  Partnership {partnershipId}, version 1\n");
        var json = await CliAsync(["cohort", "partnership", "get", "--partnership", partnershipId, "--output", "json", .. common]);
        System.Text.Json.JsonDocument.Parse(json.Output).RootElement.GetProperty("partnership").GetProperty("version").GetInt32().ShouldBe(1);

        var (partnership, citizen) = await InFollowUpAsync("cli-tree-exit", 6300);
        var exit = await CliAsync(["cohort", "exit", "--partnership", partnership.PartnershipId, "--citizen", citizen.CitizenId,
            "--exit-date", "2023-06-01", "--reason", "moved_away", .. common]);
        exit.ExitCode.ShouldBe(0);
        var exited = (await suite.Clients.Cohort.GetCitizenAsync(new GetCitizenRequest { PartnershipId = partnership.PartnershipId, CitizenId = citizen.CitizenId },
            deadline: SuiteClients.Deadline())).Citizen;
        (exited.ExitDate.Year, exited.ExitDate.Month, exited.ExitDate.Day, exited.ExitReason).ShouldBe((2023, 6, 1, ExitReason.MovedAway));

        var again = await CliAsync(["cohort", "partnership", "create", "--request", agreement, .. common]);
        again.ExitCode.ShouldBe(0);
        again.Output.ShouldContain("\"created\": false");
        var unknown = await CliAsync(["cohort", "exit", "--partnership", partnership.PartnershipId, "--citizen", new string('0', 32),
            "--exit-date", "2023-06-01", "--reason", "moved_away", .. common]);
        unknown.ExitCode.ShouldBe(2);
        unknown.Error.ShouldStartWith("partnerskab: NotFound: ");
        await File.WriteAllTextAsync(agreement, "{\"nmae\": \"typo\"}");
        (await CliAsync(["cohort", "partnership", "create", "--request", agreement, .. common])).Error.ShouldContain("--request: ");
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task An_operators_historical_load_gives_every_call_its_moment_and_no_one_else_may()
    {
        var dir = Directory.CreateTempSubdirectory("partnerskab-cli-");
        var agreement = Path.Combine(dir.FullName, "agreement.json");
        await File.WriteAllTextAsync(agreement, Google.Protobuf.JsonFormatter.Default.Format(ThinSlice.HaderslevAgreement(TestCitizens.UniqueReference("cli-load"))));
        string[] cohort = ["--cohort-url", suite.Cohort.GrpcUrl.ToString()];
        var kommune = suite.TokenFor(new TokenSubject("cli-kommune", [SuiteRoles.Kommune], "29189757", [SuiteClaims.AllPartnerships]));

        var refused = await CliAsync(["cohort", "partnership", "create", "--request", agreement, "--recorded-at", "2023-02-01T09:00:00Z", "--token", kommune, .. cohort]);
        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldStartWith("partnerskab: PermissionDenied: Only the operator may give the moment facts are recorded at");

        var created = await CliAsync(["cohort", "partnership", "create", "--request", agreement, "--output", "json",
            "--recorded-at", "2023-02-01T10:00:00+01:00", "--token", suite.TokenFor(LocalSuite.Operator), .. cohort]);
        created.ExitCode.ShouldBe(0);
        var partnershipId = System.Text.Json.JsonDocument.Parse(created.Output).RootElement.GetProperty("partnership").GetProperty("partnershipId").GetString()!;
        var versions = await suite.Clients.Cohort.ListPartnershipVersionsAsync(new ListPartnershipVersionsRequest { PartnershipId = partnershipId },
            deadline: SuiteClients.Deadline());
        versions.Versions.Single().RecordedAt.ToDateTimeOffset().ShouldBe(new DateTimeOffset(2023, 2, 1, 9, 0, 0, TimeSpan.Zero));
        dir.Delete(recursive: true);
    }

    private static async Task<(int ExitCode, string Output, string Error)> CliAsync(string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await Partnerskab.Cli.CommandLine.CliCommands.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private async Task<(Protos.Cohort.V1.Partnership Partnership, Protos.Cohort.V1.Citizen Citizen)> InFollowUpAsync(string prefix, int n)
    {
        var (partnership, citizen) = await TestCitizens.HandedOverAsync(suite.Clients.Cohort, prefix, n, $"CLI-{n}");
        await OutcomeTestData.WaitForFollowUpAsync(suite.Clients, partnership.PartnershipId, citizen.CitizenId);
        return (partnership, citizen);
    }
}
