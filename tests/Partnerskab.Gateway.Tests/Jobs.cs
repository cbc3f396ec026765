using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Partnerskab.Scenario;
using Shouldly;

namespace Partnerskab.Gateway.Tests;

/// <summary>Bulk files posted as jobs and the jobs read back, over plain HTTP as a provider's system would.</summary>
public static class Jobs
{
    public const string Csv = "text/csv";
    public const string Ndjson = "application/x-ndjson";

    /// <summary>The file posted; the answer's status and body (a job, or problem details).</summary>
    public static async Task<(HttpResponseMessage Response, JsonNode Body)> PostFileAsync(this HttpClient http, string path, string file, string contentType = Csv)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(file));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        var response = await http.PostAsync(path, content);
        return (response, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    /// <summary>Posts the file as a job (202 with the job's Location) and waits until the job is done.</summary>
    public static async Task<JsonNode> RunJobAsync(this HttpClient http, string path, string file, string contentType = Csv)
    {
        var location = await http.PostJobAsync(path, file, contentType);
        var job = await http.WaitForJobAsync(location);
        job["state"]!.GetValue<string>().ShouldBe("done", job.ToJsonString());
        return job;
    }

    /// <summary>Posts the file as a job; the job's Location.</summary>
    public static async Task<string> PostJobAsync(this HttpClient http, string path, string file, string contentType = Csv)
    {
        var (response, body) = await http.PostFileAsync(path, file, contentType);
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted, body.ToJsonString());
            body["state"]!.GetValue<string>().ShouldBe("queued");
            var location = response.Headers.Location!.ToString();
            location.ShouldBe($"/v1/jobs/{(string)body["id"]!}");
            return location.TrimStart('/');
        }
    }

    /// <summary>The job once it is done or failed.</summary>
    public static async Task<JsonNode> WaitForJobAsync(this HttpClient http, string location, int seconds = 120)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var job = await http.GetJsonAsync(location);
            if (job["state"]!.GetValue<string>() is "done" or "failed") return job;
            if (DateTime.UtcNow > until) throw new TimeoutException($"The job is still {job["state"]} after {seconds} s: {job.ToJsonString()}");
            await Task.Delay(200);
        }
    }

    public static (int RowsRead, int Accepted, int Unchanged, int Rejected) Progress(this JsonNode job)
    {
        var progress = job["progress"]!;
        return ((int)progress["rowsRead"]!, (int)progress["accepted"]!, (int)progress["unchanged"]!, (int)progress["rejected"]!);
    }

    /// <summary>The result of the row with this number.</summary>
    public static JsonNode Row(this JsonNode job, int rowNumber) =>
        job["results"]!.AsArray().Single(r => (int)r!["rowNumber"]! == rowNumber)!;

    /// <summary>A CSV of citizens to hand over in April 2023, eligible for the partnerships of <see cref="Bodies.Partnership"/>.</summary>
    public static string CitizensCsv(int first, int count, string delimiter = ";") =>
        $"cpr{delimiter}handoverDate{delimiter}benefitType{delimiter}weeksSickListed{delimiter}caseReference\n"
        + string.Concat(Enumerable.Range(first, count).Select(n =>
            $"{SyntheticCitizens.Cpr(n)}{delimiter}2023-04-03{delimiter}BENEFIT_TYPE_SICKNESS_BENEFIT{delimiter}30{delimiter}CASE-{n}\n"));

    /// <summary>Waits until the outcome service has learnt of the citizen's handover (an event).</summary>
    public static async Task WaitForFollowUpAsync(this HttpClient http, string partnershipId, string citizenId)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await http.GetAsync($"v1/partnerships/{partnershipId}/citizens/{citizenId}/timeline");
            if (response.IsSuccessStatusCode) return;
            if (DateTime.UtcNow > until) throw new TimeoutException($"The outcome service does not know citizen {citizenId}: {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(200);
        }
    }
}
