using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Testing;

namespace Partnerskab.Benchmarks;

/// <summary>
/// The gateway's two rows: GetCitizen as REST/JSON over HTTPS through the gateway (the same load
/// shape as the gRPC row it is held against), and a citizens CSV file posted as a job, from the
/// POST to the job's done.
/// </summary>
public static class GatewayBenchmark
{
    public sealed record JobResult(int Rows, int Accepted, TimeSpan Elapsed)
    {
        public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
    }

    /// <summary>GET /v1/partnerships/{id}/citizens/{citizen_id}, one HTTP/2 connection per client, every answer checked.</summary>
    public static async Task<UnaryLoad.Result> RestGetCitizenAsync(LocalGateway gateway, string bearerToken, string partnershipId,
        IReadOnlyList<string> citizenIds, UnaryLoad.Options options)
    {
        var clients = Enumerable.Range(0, options.Connections).Select(_ => gateway.Client(bearerToken)).ToList();
        try
        {
            return await UnaryLoad.MeasureAsync(clients, options, async (http, n, _) =>
            {
                var citizenId = citizenIds[n % citizenIds.Count];
                using var response = await http.GetAsync($"v1/partnerships/{partnershipId}/citizens/{citizenId}");
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK || !body.Contains(citizenId, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"GetCitizen over REST answered {(int)response.StatusCode}: {body}");
                }
            });
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    /// <summary>The synthetic citizens of <see cref="ImportBenchmark.Row"/> as a CSV file, ';' between fields.</summary>
    public static string CitizensCsv(int first, int rows)
    {
        var benefitTypes = CitizenRow.Descriptor.FindFieldByName("benefit_type").EnumType;
        var csv = new StringBuilder("cpr;handoverDate;benefitType;weeksSickListed;caseReference\n");
        for (var n = first; n < first + rows; n++)
        {
            var row = ImportBenchmark.Row(n);
            var date = row.HandoverDate;
            csv.Append($"{row.Cpr};{date.Year:D4}-{date.Month:D2}-{date.Day:D2};{benefitTypes.FindValueByNumber((int)row.BenefitType).Name};{row.WeeksSickListed};{row.CaseReference}\n");
        }
        return csv.ToString();
    }

    /// <summary>Posts the file as a citizens job and polls the job until it is done; the time from the POST to the answer saying done.</summary>
    public static async Task<JobResult> CitizensJobAsync(LocalGateway gateway, string bearerToken, string partnershipId, string csv, TimeSpan patience)
    {
        using var http = gateway.Client(bearerToken);
        http.Timeout = TimeSpan.FromMinutes(5);
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var stopwatch = Stopwatch.StartNew();
        using var posted = await http.PostAsync($"v1/partnerships/{partnershipId}/citizens:import", content);
        if (posted.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"The job was refused: {await posted.Content.ReadAsStringAsync()}");
        var location = posted.Headers.Location!.ToString().TrimStart('/');
        var until = DateTime.UtcNow + patience;
        while (true)
        {
            var job = JsonNode.Parse(await http.GetStringAsync(location))!;
            var state = (string)job["state"]!;
            if (state == "done")
            {
                stopwatch.Stop();
                return new JobResult((int)job["rows"]!, (int)job["progress"]!["accepted"]!, stopwatch.Elapsed);
            }
            if (state == "failed" || DateTime.UtcNow > until) throw new InvalidOperationException($"The job did not finish: {job.ToJsonString()}");
            await Task.Delay(100);
        }
    }
}
