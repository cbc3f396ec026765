using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NodaTime;
using Partnerskab.Gateway.Hosting;
using Partnerskab.Gateway.Idempotency;
using Partnerskab.Gateway.Persistence;
using Partnerskab.Gateway.Problems;
using Partnerskab.Tokens;

namespace Partnerskab.Gateway.Jobs;

/// <summary>
/// The bulk job routes: POST a file of rows (202 Accepted with the job's Location), GET the job
/// (its state, progress and, once done, its per-row results as JSON or the rejected rows as CSV).
/// </summary>
public static class JobEndpoints
{
    public const string CitizensRoute = "/v1/partnerships/{partnership_id}/citizens:import";
    public const string WeeklyStatusesRoute = "/v1/partnerships/{partnership_id}/weeklyStatuses:import";
    public const string ClaimsRoute = "/v1/partnerships/{partnership_id}/claims:import";
    public const string BankStatementRoute = "/v1/issuers/{issuer_cvr}/payments:import";
    public const string JobRoute = "/v1/jobs/{job_id}";

    public static WebApplication MapJobs(this WebApplication app)
    {
        app.MapPost(CitizensRoute, (HttpContext context, string partnership_id) => PostForPartnershipAsync(context, CitizenImportJob.KindName, partnership_id, null));
        app.MapPost(ClaimsRoute, (HttpContext context, string partnership_id) => PostForPartnershipAsync(context, ClaimImportJob.KindName, partnership_id, null));
        app.MapPost(WeeklyStatusesRoute, (HttpContext context, string partnership_id) =>
        {
            var source = context.Request.Query["source"].ToString();
            return WeeklyStatusJob.SourceName(source) is { } name
                ? PostForPartnershipAsync(context, WeeklyStatusJob.KindName, partnership_id, name)
                : Invalid(context, "source", "is required: STATUS_SOURCE_PROVIDER, STATUS_SOURCE_REGISTER or STATUS_SOURCE_COMPARISON_REGISTER");
        });
        app.MapPost(BankStatementRoute, (HttpContext context, string issuer_cvr) =>
            issuer_cvr.Length == 8 && issuer_cvr.All(char.IsAsciiDigit)
                ? PostAsync(context, BankLineImportJob.KindName, issuer_cvr, null)
                : Invalid(context, "issuerCvr", "is a CVR number of 8 digits"));
        app.MapGet(JobRoute, GetAsync);
        return app;
    }

    private static Task PostForPartnershipAsync(HttpContext context, string kindName, string partnershipId, string? statusSource) =>
        Guid.TryParse(partnershipId, out var partnership)
            ? PostAsync(context, kindName, partnership.ToString(), statusSource)
            : Invalid(context, "partnershipId", "is not a UUID");

    /// <param name="target">The partnership, or for bank statement lines the issuer's CVR number.</param>
    private static async Task PostAsync(HttpContext context, string kindName, string target, string? statusSource)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JobOptions>>().Value;
        var kind = context.RequestServices.GetServices<JobKind>().Single(k => k.Name == kindName);
        var mode = context.Request.Query["mode"].ToString();
        if (mode is not ("" or "import" or "validate"))
        {
            await Invalid(context, "mode", "is import (the default) or validate");
            return;
        }
        if (JobFile.FormatOf(context.Request.ContentType) is not { } format)
        {
            await Problem.Gateway(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Unsupported media type",
                $"A bulk file is text/csv or application/x-ndjson (UTF-8), not '{context.Request.ContentType}'.").WriteAsync(context.Response);
            return;
        }
        if (await ReadFileAsync(context, options.MaxFileBytes) is not { } file)
        {
            await RestRequestGuard.TooLarge(options.MaxFileBytes).WriteAsync(context.Response);
            return;
        }
        var job = new JobPost(kind, target, statusSource, mode == "validate", format, file);
        if (context.Request.Headers[IdempotencyKeyHeader.Name] is [{ } key])
        {
            await context.RequestServices.GetRequiredService<IdempotentRequests>().RunAsync(context, JobPostAnswers.Instance, key, file, () => CreateAsync(context, job, options));
        }
        else
        {
            await CreateAsync(context, job, options);
        }
    }

    private sealed record JobPost(JobKind Kind, string Target, string? StatusSource, bool ValidateOnly, JobFormat Format, byte[] File);

    /// <summary>Reads the file's rows and stores the job, or refuses the file.</summary>
    private static async Task CreateAsync(HttpContext context, JobPost post, JobOptions options)
    {
        int rows;
        try
        {
            rows = JobFile.CountRows(post.File, post.Format, post.Kind.Columns);
        }
        catch (JobFileException e)
        {
            await (Problem.Gateway(StatusCodes.Status400BadRequest, "invalid-file", "Invalid file", e.Message) with { Violations = e.Violations.Count == 0 ? null : e.Violations })
                .WriteAsync(context.Response);
            return;
        }
        if (rows == 0)
        {
            await Problem.Gateway(StatusCodes.Status400BadRequest, "invalid-file", "Invalid file", "The file has no rows.").WriteAsync(context.Response);
            return;
        }
        if (rows > options.MaxRows)
        {
            await (Problem.Gateway(StatusCodes.Status413PayloadTooLarge, "too-many-rows", "Too many rows",
                $"The file has {rows} rows; a job takes at most {options.MaxRows}.") with { Limit = options.MaxRows }).WriteAsync(context.Response);
            return;
        }

        var caller = CallerTokens.CallerOf(context.User);
        var id = Guid.CreateVersion7();
        var job = new BulkJob
        {
            Id = id,
            Subject = caller.Subject,
            Caller = JsonSerializer.Serialize(caller, ApiJson.Options),
            Kind = post.Kind.Name,
            Target = post.Target,
            StatusSource = post.StatusSource,
            ValidateOnly = post.ValidateOnly,
            Format = post.Format,
            File = context.RequestServices.GetRequiredService<JobFileProtection>().Protect(id, post.File),
            Rows = rows,
            // A validation judges the whole file in one stream, so that rows are judged against each other as in one import.
            ChunkRows = post.ValidateOnly ? Math.Max(1, rows) : post.Kind.ChunkRows,
            State = JobState.Queued,
            CreatedAt = context.RequestServices.GetRequiredService<IClock>().GetCurrentInstant(),
        };
        var db = context.RequestServices.GetRequiredService<GatewayDbContext>();
        db.BulkJobs.Add(job);
        await db.SaveChangesAsync(context.RequestAborted);
        context.RequestServices.GetRequiredService<JobSignal>().JobPosted();

        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.Headers.Location = LocationOf(id.ToString());
        await WriteJobAsync(context, job, chunks: null);
    }

    public static string LocationOf(string jobId) => JobRoute.Replace("{job_id}", jobId);

    /// <summary>The body, or null when it is larger than the limit.</summary>
    private static async Task<byte[]?> ReadFileAsync(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit) return null;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        var buffer = new MemoryStream();
        try
        {
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.Length > limit ? null : buffer.ToArray();
    }

    /// <summary>A job as its GET shows it: the file (megabytes, encrypted) stays in the database, though a caller may poll several times a second.</summary>
    private static readonly Expression<Func<BulkJob, BulkJob>> WithoutFile = j => new BulkJob
    {
        Id = j.Id, Subject = j.Subject, Caller = j.Caller, Kind = j.Kind, Target = j.Target, StatusSource = j.StatusSource, ValidateOnly = j.ValidateOnly,
        Format = j.Format, Rows = j.Rows, ChunkRows = j.ChunkRows, State = j.State, RowsRead = j.RowsRead, Accepted = j.Accepted, Unchanged = j.Unchanged, Rejected = j.Rejected,
        NextChunk = j.NextChunk, Failure = j.Failure, CreatedAt = j.CreatedAt, FinishedAt = j.FinishedAt, LeaseUntil = j.LeaseUntil,
    };

    private static async Task GetAsync(HttpContext context, string job_id)
    {
        var subject = context.User.FindFirst(SuiteClaims.Subject)?.Value ?? "";
        var db = context.RequestServices.GetRequiredService<GatewayDbContext>();
        var job = Guid.TryParse(job_id, out var id)
            ? await db.BulkJobs.AsNoTracking().Where(j => j.Id == id && j.Subject == subject).Select(WithoutFile).SingleOrDefaultAsync(context.RequestAborted)
            : null;
        if (job is null)
        {
            // The same answer for a job that does not exist and one of another caller.
            await Problem.Gateway(StatusCodes.Status404NotFound, "not-found", "Not found", $"There is no job {job_id}.").WriteAsync(context.Response);
            return;
        }
        var chunks = job.State == JobState.Done
            ? await db.BulkJobChunks.AsNoTracking().Where(c => c.JobId == job.Id).OrderBy(c => c.Chunk).Select(c => c.Results).ToListAsync(context.RequestAborted)
            : null;
        if (WantsCsv(context.Request))
        {
            if (chunks is null)
            {
                await Problem.Gateway(StatusCodes.Status409Conflict, "job-not-done", "The job is not done",
                    $"The job is {StateName(job.State)}; its rejected rows are there once it is done.").WriteAsync(context.Response);
                return;
            }
            context.Response.ContentType = "text/csv; charset=utf-8";
            await context.Response.WriteAsync(RejectedRowsCsv(chunks), context.RequestAborted);
            return;
        }
        await WriteJobAsync(context, job, chunks);
    }

    private static bool WantsCsv(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));

    /// <summary>The job as JSON; a done job's results are copied from the kept chunks element by element (a large job has hundreds of thousands).</summary>
    private static async Task WriteJobAsync(HttpContext context, BulkJob job, IReadOnlyList<string>? chunks)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Encoder = ApiJson.Options.Encoder });
        json.WriteStartObject();
        foreach (var (name, value) in JobView(job))
        {
            json.WritePropertyName(name);
            if (value is null) json.WriteNullValue();
            else value.WriteTo(json);
        }
        if (chunks is not null)
        {
            json.WriteStartArray("results");
            foreach (var chunk in chunks)
            {
                using var results = JsonDocument.Parse(chunk);
                foreach (var result in results.RootElement.EnumerateArray()) result.WriteTo(json);
                if (json.BytesPending > 64 * 1024) await json.FlushAsync(context.RequestAborted);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    private static JsonObject JobView(BulkJob job)
    {
        var view = new JsonObject
        {
            ["id"] = job.Id.ToString(),
            ["kind"] = job.Kind,
            ["mode"] = job.ValidateOnly ? "validate" : "import",
            [job.Kind == BankLineImportJob.KindName ? "issuerCvr" : "partnershipId"] = job.Target,
            ["state"] = StateName(job.State),
            ["rows"] = job.Rows,
            ["progress"] = new JsonObject
            {
                ["rowsRead"] = job.RowsRead,
                ["accepted"] = job.Accepted,
                ["unchanged"] = job.Unchanged,
                ["rejected"] = job.Rejected,
            },
            ["createdAt"] = job.CreatedAt.ToString(),
        };
        if (job.StatusSource is not null) view["source"] = job.StatusSource;
        if (job.FinishedAt is { } finished) view["finishedAt"] = finished.ToString();
        if (job.Failure is not null) view["failure"] = JsonNode.Parse(job.Failure);
        return view;
    }

    private static string StateName(JobState state) => state.ToString().ToLowerInvariant();

    /// <summary>One line a reason of each rejected row, ';'-separated as Danish spreadsheets read it.</summary>
    private static string RejectedRowsCsv(IReadOnlyList<string> chunks)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        foreach (var column in new[] { "rowNumber", "reference", "citizenId", "field", "description" }) csv.WriteField(column);
        csv.NextRecord();
        foreach (var result in chunks.SelectMany(c => JsonSerializer.Deserialize<List<JobRowResult>>(c, ApiJson.Options)!).Where(r => r.Outcome == JobRowResult.Rejected))
        {
            foreach (var violation in result.Violations ?? [])
            {
                csv.WriteField(result.RowNumber);
                csv.WriteField(result.Reference ?? "");
                csv.WriteField(result.CitizenId ?? "");
                csv.WriteField(violation.Field);
                csv.WriteField(violation.Description);
                csv.NextRecord();
            }
        }
        csv.Flush();
        return text.ToString();
    }

    private static Task Invalid(HttpContext context, string field, string description) =>
        (Problem.Gateway(StatusCodes.Status400BadRequest, "invalid-argument", "Invalid request", $"The request is invalid: {field}: {description}")
            with { Violations = [new FieldViolation(field, description)] }).WriteAsync(context.Response);
}
