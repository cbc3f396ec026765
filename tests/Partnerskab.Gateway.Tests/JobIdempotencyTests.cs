using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Shouldly;

namespace Partnerskab.Gateway.Tests;

/// <summary>
/// A job's POST with an Idempotency-Key: a retry with the same file answers the same job (no
/// second job), another file under the key is 422, and a retry while the first post is still
/// storing its job is 409, as for every other write.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class JobIdempotencyTests(GatewayFixture fixture)
{
    // The jobs here are validations for partnerships that do not exist: what matters is the post,
    // and each test counts the jobs of its own partnership id.
    private static string ValidationPath(string partnershipId) => $"v1/partnerships/{partnershipId}/citizens:import?mode=validate";

    [Fact]
    public async Task The_same_key_and_file_answer_the_same_job_and_another_file_under_the_key_is_422()
    {
        var partnershipId = Guid.NewGuid().ToString();
        var key = Guid.NewGuid().ToString();
        using var http = fixture.Client();

        using var first = await PostAsync(http, ValidationPath(partnershipId), key, Jobs.CitizensCsv(1, 3));
        using var retry = await PostAsync(http, ValidationPath(partnershipId), key, Jobs.CitizensCsv(1, 3));
        using var otherFile = await PostAsync(http, ValidationPath(partnershipId), key, Jobs.CitizensCsv(1, 4));
        using var otherMode = await PostAsync(http, $"v1/partnerships/{partnershipId}/citizens:import", key, Jobs.CitizensCsv(1, 3));

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        retry.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        (await retry.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        foreach (var refused in new[] { otherFile, otherMode })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["type"]!.GetValue<string>().ShouldBe("urn:partnerskab:problem:idempotency-key-reused");
            refused.Headers.Location.ShouldBeNull();
        }
        (await fixture.CountJobsAsync(partnershipId)).ShouldBe(1);
    }

    [Fact]
    public async Task A_refused_file_is_refused_again_under_its_key_and_an_invalid_key_is_400()
    {
        var partnershipId = Guid.NewGuid().ToString();
        var key = Guid.NewGuid().ToString();
        using var http = fixture.Client();
        const string noRows = "cpr;handoverDate;benefitType;weeksSickListed;caseReference\n";

        using var first = await PostAsync(http, ValidationPath(partnershipId), key, noRows);
        using var retry = await PostAsync(http, ValidationPath(partnershipId), key, noRows);
        using var invalidKey = await PostAsync(http, ValidationPath(partnershipId), "key with spaces", Jobs.CitizensCsv(1, 1));

        first.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        retry.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        invalidKey.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await invalidKey.Content.ReadAsStringAsync())!["type"]!.GetValue<string>().ShouldBe("urn:partnerskab:problem:invalid-idempotency-key");
        (await fixture.CountJobsAsync(partnershipId)).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_key_while_the_first_post_stores_its_job_is_409_and_the_first_still_finishes()
    {
        var partnershipId = Guid.NewGuid().ToString();
        var key = Guid.NewGuid().ToString();
        var file = Jobs.CitizensCsv(1, 3);
        using var http = fixture.Client();

        // The jobs table is locked, so the first post waits to store its job until the lock goes.
        HttpResponseMessage meanwhile;
        Task<HttpResponseMessage> first;
        await using (var connection = await fixture.OpenAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var lockJobs = new NpgsqlCommand("LOCK TABLE bulk_jobs IN SHARE ROW EXCLUSIVE MODE", connection, transaction))
            {
                await lockJobs.ExecuteNonQueryAsync();
            }
            first = PostAsync(http, ValidationPath(partnershipId), key, file);
            await fixture.WaitForIdempotencyKeyAsync(key);
            meanwhile = await PostAsync(http, ValidationPath(partnershipId), key, file);
            await transaction.RollbackAsync();
        }
        using var finished = await first;
        using var afterwards = await PostAsync(http, ValidationPath(partnershipId), key, file);

        meanwhile.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        JsonNode.Parse(await meanwhile.Content.ReadAsStringAsync())!["type"]!.GetValue<string>().ShouldBe("urn:partnerskab:problem:idempotency-key-in-flight");
        meanwhile.Dispose();
        finished.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        afterwards.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        afterwards.Headers.Location.ShouldBe(finished.Headers.Location);
        (await fixture.CountJobsAsync(partnershipId)).ShouldBe(1);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string key, string csv)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Jobs.Csv);
        request.Headers.Add("Idempotency-Key", key);
        return await http.SendAsync(request);
    }
}
