using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Partnerskab.Portal.Accounts;
using Partnerskab.Portal.Calling;

namespace Partnerskab.Portal.Uploads;

/// <summary>A row's result in a finished job, as the gateway gives it.</summary>
public sealed record JobRow(int RowNumber, string Outcome, string? Reference, string? CitizenId, IReadOnlyList<JobViolation>? Violations);

public sealed record JobViolation(string Field, string Description);

public sealed record JobProgress(int RowsRead, int Accepted, int Unchanged, int Rejected);

/// <summary>A bulk job as the gateway shows it to the person who posted it; results once it is done.</summary>
public sealed record BulkJobView(Guid Id, string Kind, string Mode, Guid? PartnershipId, string State, int Rows, JobProgress Progress,
    IReadOnlyList<JobRow>? Results, JsonElement? Failure)
{
    public bool Finished => State is "done" or "failed";
    public bool ValidateOnly => Mode == "validate";

    /// <summary>Why a failed job failed: the problem's detail or title.</summary>
    public string? FailureText => Failure is { ValueKind: JsonValueKind.Object } problem
        ? (problem.TryGetProperty("detail", out var detail) ? detail.GetString() : null) ?? (problem.TryGetProperty("title", out var title) ? title.GetString() : null)
        : null;
}

/// <summary>The gateway's refusal of a file before any job exists (problem details): its detail and field violations.</summary>
public sealed record JobRefusal(string Detail, IReadOnlyList<JobViolation> Violations);

/// <summary>
/// The gateway's bulk jobs, called as the signed-in person (the same short-lived token the
/// services get): post a file, follow the job, fetch its rejected rows as CSV.
/// </summary>
public sealed class GatewayJobs(HttpClient http, PersonTokens tokens)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Posts the file; the job's id, or the gateway's refusal of the file.</summary>
    public async Task<(Guid? Job, JobRefusal? Refusal)> StartAsync(AccountScope person, UploadKind kind, Guid partnershipId, Stream file,
        string mediaType, bool validateOnly, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, kind.PathFor(partnershipId, validateOnly), person);
        request.Content = new StreamContent(file);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            var job = await response.Content.ReadFromJsonAsync<BulkJobView>(Json, cancellationToken);
            return (job!.Id, null);
        }
        if ((int)response.StatusCode is 400 or 413 or 415 && response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Json, cancellationToken);
            return (null, new JobRefusal(problem?.Detail ?? problem?.Title ?? response.ReasonPhrase ?? "", problem?.Violations ?? []));
        }
        throw new HttpRequestException($"The gateway answered the upload with {(int)response.StatusCode}.", null, response.StatusCode);
    }

    /// <summary>The job, or null when the gateway knows no such job of this person.</summary>
    public async Task<BulkJobView?> GetAsync(AccountScope person, Guid jobId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, JobPath(jobId), person);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<BulkJobView>(Json, cancellationToken);
    }

    /// <summary>A done job's rejected rows, a line a reason, as the gateway writes them (CSV, ';').</summary>
    public async Task<byte[]> RejectedRowsAsync(AccountScope person, Guid jobId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, JobPath(jobId), person);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private static string JobPath(Guid jobId) => $"v1/jobs/{jobId}";

    private HttpRequestMessage Request(HttpMethod method, string path, AccountScope person)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For(person));
        return request;
    }

    private sealed record ProblemBody(string? Title, string? Detail, IReadOnlyList<JobViolation>? Violations);
}
