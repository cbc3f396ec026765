using System.Net;
using Npgsql;
using Shouldly;

namespace Partnerskab.Gateway.Tests;

/// <summary>Jobs that ended longer ago than the retention are deleted with their results; younger ones are kept.</summary>
[Collection(GatewayCollection.Name)]
public sealed class JobRetentionTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_gateway_with_a_one_day_retention_deletes_a_job_that_ended_two_days_ago_and_keeps_one_of_twelve_hours()
    {
        using var http = fixture.Client();
        var created = await http.PostJsonAsync("v1/partnerships", Bodies.Partnership($"retention-{Guid.NewGuid():N}", capacity: 10));
        var path = $"v1/partnerships/{(string)created["partnership"]!["partnershipId"]!}/citizens:import?mode=validate";
        var old = (string)(await http.RunJobAsync(path, Jobs.CitizensCsv(1, 2)))["id"]!;
        var recent = (string)(await http.RunJobAsync(path, Jobs.CitizensCsv(3, 2)))["id"]!;
        await EndedAgoAsync(old, "2 days");
        await EndedAgoAsync(recent, "12 hours");
        (await CountAsync("bulk_job_chunks", "job_id", old)).ShouldBe(1);

        // Another gateway instance on the same database, which purges as it starts.
        await using (await LocalGateway.StartAsync(fixture.Suite, new Dictionary<string, string> { ["Jobs__Retention"] = "1.00:00:00" }))
        {
            var until = DateTime.UtcNow.AddSeconds(60);
            while (await CountAsync("bulk_jobs", "id", old) > 0)
            {
                if (DateTime.UtcNow > until) throw new TimeoutException("The job that ended two days ago was not purged.");
                await Task.Delay(200);
            }
        }

        (await CountAsync("bulk_job_chunks", "job_id", old)).ShouldBe(0);
        (await CountAsync("bulk_jobs", "id", recent)).ShouldBe(1);
        using var gone = await http.GetAsync($"v1/jobs/{old}");
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var kept = await http.GetAsync($"v1/jobs/{recent}");
        kept.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task EndedAgoAsync(string jobId, string interval)
    {
        await using var connection = await fixture.OpenAsync();
        await using var update = new NpgsqlCommand($"UPDATE bulk_jobs SET finished_at = now() - interval '{interval}' WHERE id = $1", connection)
        {
            Parameters = { new() { Value = Guid.Parse(jobId) } },
        };
        (await update.ExecuteNonQueryAsync()).ShouldBe(1);
    }

    private async Task<long> CountAsync(string table, string column, string jobId)
    {
        await using var connection = await fixture.OpenAsync();
        await using var query = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE {column} = $1", connection) { Parameters = { new() { Value = Guid.Parse(jobId) } } };
        return (long)(await query.ExecuteScalarAsync())!;
    }
}
