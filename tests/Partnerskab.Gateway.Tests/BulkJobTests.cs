using System.Net;
using System.Text.Json.Nodes;
using Partnerskab.Scenario;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Gateway.Tests;

/// <summary>
/// Bulk files as jobs: bad files refused with problem details before anything is stored, bad rows
/// rejected one by one while the others are kept, NDJSON, jobs private to their caller, and a job
/// interrupted by its service's death finishing once.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class BulkJobTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_csv_without_a_required_column_is_400_naming_the_column_and_no_job_is_made()
    {
        using var http = fixture.Client();
        var partnershipId = await PartnershipAsync(http);

        var (response, problem) = await http.PostFileAsync($"v1/partnerships/{partnershipId}/citizens:import",
            $"cpr;handoverDate;benefitType;caseReference\n{SyntheticCitizens.Cpr(1)};2023-04-03;BENEFIT_TYPE_SICKNESS_BENEFIT;C-1\n");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.MediaType().ShouldBe("application/problem+json");
        problem["type"]!.GetValue<string>().ShouldBe("urn:partnerskab:problem:invalid-file");
        problem["violations"]!.AsArray().Select(v => (string)v!["field"]!).ShouldBe(["weeksSickListed"]);
        response.Headers.Location.ShouldBeNull();
    }

    [Fact]
    public async Task A_file_that_is_not_csv_or_ndjson_is_415_and_one_over_the_limit_413_with_the_limit()
    {
        using var http = fixture.Client();
        var partnershipId = await PartnershipAsync(http);

        var (wrongType, unsupported) = await http.PostFileAsync($"v1/partnerships/{partnershipId}/citizens:import", """{ "cpr": "x" }""", "application/json");
        var (tooLarge, overLimit) = await http.PostFileAsync($"v1/partnerships/{partnershipId}/citizens:import",
            Jobs.CitizensCsv(1, GatewayFixture.JobFileLimit / 50));

        wrongType.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        unsupported["type"]!.GetValue<string>().ShouldBe("urn:partnerskab:problem:unsupported-media-type");
        tooLarge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        ((long)overLimit["limit"]!).ShouldBe(GatewayFixture.JobFileLimit);
        overLimit["detail"]!.GetValue<string>().ShouldContain(GatewayFixture.JobFileLimit.ToString());
    }

    [Fact]
    public async Task A_bad_row_is_rejected_with_its_reasons_and_the_other_rows_are_kept()
    {
        using var http = fixture.Client();
        var partnershipId = await PartnershipAsync(http);
        // A byte order mark, ',' between fields, a quoted field with a line break in it (data, which
        // the rules refuse in a case reference), a date that is no date, an unknown benefit type.
        var file = "\uFEFFcpr,handoverDate,benefitType,weeksSickListed,caseReference\r\n"
            + $"{SyntheticCitizens.Cpr(11)},2023-04-03,BENEFIT_TYPE_SICKNESS_BENEFIT,30,C-11\r\n"
            + $"{SyntheticCitizens.Cpr(12)},2023-04-03,BENEFIT_TYPE_SICKNESS_BENEFIT,30,\"C-12\nsecond line\"\r\n"
            + $"{SyntheticCitizens.Cpr(13)},03-04-2023,BENEFIT_TYPE_SICKNESS_BENEFIT,30,C-13\r\n"
            + $"{SyntheticCitizens.Cpr(14)},2023-04-03,BENEFIT_TYPE_PENSION,30,C-14\r\n"
            + $"{SyntheticCitizens.Cpr(15)},2023-04-03,BENEFIT_TYPE_SICKNESS_BENEFIT,30,C-15\r\n";

        var job = await http.RunJobAsync($"v1/partnerships/{partnershipId}/citizens:import", file);

        job.Progress().ShouldBe((5, 2, 0, 3));
        Fields(job.Row(2)).ShouldBe(["caseReference"]);
        Fields(job.Row(3)).ShouldBe(["handoverDate"]);
        Fields(job.Row(4)).ShouldBe(["benefitType"]);
        job.Row(4)["reference"]!.GetValue<string>().ShouldBe("C-14");
        job.Row(5)["outcome"]!.GetValue<string>().ShouldBe("ACCEPTED");
        ((int)(await http.GetJsonAsync($"v1/partnerships/{partnershipId}/citizens:count"))["total"]!).ShouldBe(2);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/jobs/{(string)job["id"]!}");
        request.Headers.Accept.ParseAdd("text/csv");
        using var csv = await http.SendAsync(request);
        csv.MediaType().ShouldBe("text/csv");
        var text = (await csv.Content.ReadAsStringAsync()).ReplaceLineEndings("\n");
        text.ShouldStartWith("rowNumber;reference;citizenId;field;description\n");
        text.ShouldContain("\n2;\"C-12\nsecond line\";;caseReference;", Case.Sensitive, "the reference quoted, its line break kept");
        text.ShouldContain("\n3;C-13;;handoverDate;is not a date as YYYY-MM-DD\n");
        text.ShouldContain("\n4;C-14;;benefitType;is not one of BENEFIT_TYPE_");
        text.ShouldNotContain("\n5;");
    }

    [Fact]
    public async Task Ndjson_rows_are_the_row_messages_json_one_a_line()
    {
        using var http = fixture.Client();
        var partnershipId = await PartnershipAsync(http);
        var file = $$"""
            {"cpr":"{{SyntheticCitizens.Cpr(21)}}","handoverDate":"2023-04-03","benefitType":"BENEFIT_TYPE_SICKNESS_BENEFIT","weeksSickListed":30,"caseReference":"N-21"}

            {"cpr":"{{SyntheticCitizens.Cpr(22)}}","handoverDate":"2023-04-03","benefitType":"BENEFIT_TYPE_SICKNESS_BENEFIT","weeksSickListed":"many"}
            not json
            {"cpr":"{{SyntheticCitizens.Cpr(23)}}","handoverDate":"2023-04-05","benefitType":"BENEFIT_TYPE_SICKNESS_BENEFIT","weeksSickListed":40,"caseReference":"N-23"}
            """;

        var job = await http.RunJobAsync($"v1/partnerships/{partnershipId}/citizens:import", file, Jobs.Ndjson);

        job.Progress().ShouldBe((4, 2, 0, 2));
        job["results"]!.AsArray().Select(r => (int)r!["rowNumber"]!).ShouldBe([1, 3, 4, 5], "an NDJSON row is numbered by its line");
        Fields(job.Row(3)).ShouldBe(["weeksSickListed"]);
        Fields(job.Row(4)).ShouldBe(["row"]);
    }

    [Fact]
    public async Task A_job_of_another_caller_is_404_as_one_that_does_not_exist()
    {
        using var owner = fixture.Client();
        var partnershipId = await PartnershipAsync(owner);
        var location = await owner.PostJobAsync($"v1/partnerships/{partnershipId}/citizens:import", Jobs.CitizensCsv(31, 1));
        using var other = fixture.ClientAs(new TokenSubject("another-kommune-system", [SuiteRoles.Kommune], null, [SuiteClaims.AllPartnerships]));

        var foreign = await other.GetJsonAsync(location, expectedStatus: 404);
        var missing = await other.GetJsonAsync($"v1/jobs/{Guid.NewGuid()}", expectedStatus: 404);

        foreign["type"]!.GetValue<string>().ShouldBe(missing["type"]!.GetValue<string>());
        foreign["title"]!.GetValue<string>().ShouldBe(missing["title"]!.GetValue<string>());
        (await owner.WaitForJobAsync(location))["state"]!.GetValue<string>().ShouldBe("done");
    }

    [Fact]
    public async Task A_job_runs_as_its_caller_so_the_services_refuse_a_caller_without_the_role()
    {
        using var committee = fixture.ClientAs(new TokenSubject("committee-member", [SuiteRoles.Committee], null, [SuiteClaims.AllPartnerships]));
        using var http = fixture.Client();
        var partnershipId = await PartnershipAsync(http);

        var job = await committee.WaitForJobAsync(await committee.PostJobAsync($"v1/partnerships/{partnershipId}/citizens:import", Jobs.CitizensCsv(41, 2)));

        job["state"]!.GetValue<string>().ShouldBe("failed");
        job["failure"]!["grpcCode"]!.GetValue<string>().ShouldBe("PERMISSION_DENIED");
        ((int?)(await http.GetJsonAsync($"v1/partnerships/{partnershipId}/citizens:count"))["total"] ?? 0).ShouldBe(0);
    }

    [Fact]
    public async Task A_job_interrupted_by_killing_the_cohort_service_mid_chunk_finishes_once_after_its_restart()
    {
        // Three chunks of the citizens kind (10,000 rows each); the kill comes when the second chunk's
        // stream has written some of its batches, so the chunk sent again is answered for those.
        const int rows = 25_000;
        using var http = fixture.Client();
        var partnershipId = await PartnershipAsync(http, capacity: rows);
        var location = await http.PostJobAsync($"v1/partnerships/{partnershipId}/citizens:import", Jobs.CitizensCsv(100_000, rows));

        var until = DateTime.UtcNow.AddSeconds(180);
        JsonNode running;
        int written;
        do
        {
            await Task.Delay(100);
            running = await http.GetJsonAsync(location);
            written = (int?)(await http.GetJsonAsync($"v1/partnerships/{partnershipId}/citizens:count"))["total"] ?? 0;
        }
        while ((written < 12_000 || running.Progress().RowsRead < 10_000) && DateTime.UtcNow < until);
        await fixture.Suite.Cohort.KillAsync();
        running["state"]!.GetValue<string>().ShouldBe("running", "the kill must come mid-file");
        running.Progress().RowsRead.ShouldBe(10_000, "the kill must come in the second chunk");
        written.ShouldBeLessThan(20_000, "the kill must come before the second chunk's end");
        await Task.Delay(1000);
        await fixture.Suite.Cohort.StartAsync();

        var job = await http.WaitForJobAsync(location, seconds: 300);

        job["state"]!.GetValue<string>().ShouldBe("done");
        job.Progress().ShouldBe((rows, rows, 0, 0), "every row accepted exactly once, none answered as already there");
        job["results"]!.AsArray().Select(r => (int)r!["rowNumber"]!).ShouldBe(Enumerable.Range(1, rows));
        job["results"]!.AsArray().Select(r => (string)r!["citizenId"]!).Distinct().Count().ShouldBe(rows);
        ((int)(await http.GetJsonAsync($"v1/partnerships/{partnershipId}/citizens:count"))["total"]!).ShouldBe(rows);
    }

    [Fact]
    public async Task Claims_go_a_row_a_call_and_a_validation_of_them_only_reads_the_rows()
    {
        using var http = fixture.Client();
        var partnershipId = await PartnershipAsync(http);
        var citizens = await http.RunJobAsync($"v1/partnerships/{partnershipId}/citizens:import", Jobs.CitizensCsv(51, 1));
        var citizenId = (string)citizens.Row(1)["citizenId"]!;
        await http.WaitForFollowUpAsync(partnershipId, citizenId);
        var file = $"""
            citizenId;claimReference;kind;outcomeDate;hoursPerWeek;employerCvr;evidenceReference
            {citizenId};CL-1;OUTCOME_KIND_JOB_START;2023-09-04;"20,5";87654321;contract
            {citizenId};CL-2;OUTCOME_KIND_LOTTERY_WIN;2023-09-04;20;87654321;contract
            {new string('0', 32)};CL-3;OUTCOME_KIND_JOB_START;2023-09-04;20;87654321;contract
            """;

        var validated = await http.RunJobAsync($"v1/partnerships/{partnershipId}/claims:import?mode=validate", file);
        var claimed = await http.RunJobAsync($"v1/partnerships/{partnershipId}/claims:import", file);
        var again = await http.RunJobAsync($"v1/partnerships/{partnershipId}/claims:import", file);

        validated["results"]!.AsArray().Select(r => (string)r!["outcome"]!).ShouldBe(["READ", "REJECTED", "READ"]);
        claimed.Progress().ShouldBe((3, 1, 0, 2));
        claimed.Row(1)["citizenId"]!.GetValue<string>().ShouldBe(citizenId);
        Fields(claimed.Row(2)).ShouldBe(["kind"]);
        claimed.Row(3)["reference"]!.GetValue<string>().ShouldBe("CL-3");
        again.Progress().ShouldBe((3, 0, 1, 2), "a claim is claimed once, by its reference");
    }

    [Fact]
    public async Task Bank_statement_lines_take_kroner_with_a_decimal_comma_and_a_bad_line_is_rejected_alone()
    {
        using var http = fixture.Client();
        var line = $"bank-{Guid.NewGuid():N}";
        var file = $"""
            bankLineId;bookedOn;amount;reference
            {line}-1;2023-07-20;12500,50;Indbetaling
            {line}-2;20-07-2023;100;Indbetaling
            {line}-3;2023-07-21;99,999;Indbetaling
            """;

        var job = await http.RunJobAsync("v1/issuers/12345678/payments:import", file);

        job["issuerCvr"]!.GetValue<string>().ShouldBe("12345678");
        job.Progress().ShouldBe((3, 1, 0, 2));
        Fields(job.Row(2)).ShouldBe(["bookedOn"]);
        Fields(job.Row(3)).ShouldBe(["amount"]);
        var reconciliation = await http.GetJsonAsync("v1/issuers/12345678/reconciliation?asOf=2023-12-31");
        var recorded = reconciliation["unknownReferences"]!.AsArray().Single(l => (string)l!["bankLineId"]! == $"{line}-1")!;
        ((long)recorded["amountOre"]!).ShouldBe(1_250_050, "12500,50 kroner in øre");
    }

    private static IEnumerable<string> Fields(JsonNode row)
    {
        row["outcome"]!.GetValue<string>().ShouldBe("REJECTED", row.ToJsonString());
        return row["violations"]!.AsArray().Select(v => (string)v!["field"]!);
    }

    private static async Task<string> PartnershipAsync(HttpClient http, int capacity = 150)
    {
        var created = await http.PostJsonAsync("v1/partnerships", Bodies.Partnership($"jobs-{Guid.NewGuid():N}", capacity));
        return (string)created["partnership"]!["partnershipId"]!;
    }
}
