using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Partnerskab.Gateway.Hosting;
using Partnerskab.Gateway.Persistence;
using Partnerskab.Gateway.Problems;
using Partnerskab.Tokens;

namespace Partnerskab.Gateway.Jobs;

/// <summary>
/// Runs one claimed job to its end. An import goes in chunks of rows, each chunk one stream under
/// an idempotency key derived from the job id and the chunk (claims and bank lines: a row a call,
/// idempotent by their own references), up to Jobs:ChunksInFlight streams at once, and each
/// chunk's results are kept with the job's counts in one transaction; so a job interrupted
/// anywhere resumes with the chunks without results, and a chunk the service had already written
/// is answered from the service's stored answer instead of being judged again. A validation (nothing written) judges the whole
/// file in one stream, so that rows are judged against each other as in one import; a kind
/// without a dry run is only read.
/// </summary>
public sealed class JobRunner(GatewayDbContext db, IEnumerable<JobKind> kinds, JobFileProtection files, CallerTokens tokens, IClock clock,
    IOptions<JobOptions> options, ILogger<JobRunner> logger)
{
    private static readonly StatusCode[] Transient =
        [StatusCode.Unavailable, StatusCode.DeadlineExceeded, StatusCode.Internal, StatusCode.Unknown, StatusCode.Cancelled, StatusCode.ResourceExhausted, StatusCode.Aborted];

    public static bool IsTransient(StatusCode code) => Transient.Contains(code);

    public async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await db.BulkJobs.SingleAsync(j => j.Id == jobId, cancellationToken);
        var kind = kinds.Single(k => k.Name == job.Kind);
        var caller = JsonSerializer.Deserialize<TokenSubject>(job.Caller, ApiJson.Options)!;
        var rows = JobFile.Read(files.Unprotect(job.Id, job.File!), job.Format, kind.Columns);
        var chunkRows = job.ValidateOnly ? rows.Count : kind.ChunkRows;
        var kept = (await db.BulkJobChunks.Where(c => c.JobId == job.Id).Select(c => c.Chunk).ToListAsync(cancellationToken)).ToHashSet();
        var pending = JobChunks.Pending(rows.Count, chunkRows, kept);

        // The job and the database context are one chunk's at a time; the calls to the service overlap.
        using var turn = new SemaphoreSlim(1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Problem? failure = null;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = job.ValidateOnly || !kind.ChunksMayOverlap ? 1 : Math.Max(1, options.Value.ChunksInFlight),
            CancellationToken = stop.Token,
        };
        try
        {
            await Parallel.ForEachAsync(pending, parallel, async (chunk, token) =>
            {
                var part = rows.Skip(chunk * chunkRows).Take(chunkRows).ToList();
                var outcome = await RunChunkAsync(job, kind, caller, chunk, part, turn, token);
                await turn.WaitAsync(token);
                try
                {
                    if (outcome.Failure is not null)
                    {
                        failure ??= outcome.Failure;
                        await stop.CancelAsync();
                        return;
                    }
                    Keep(job, chunk, outcome.Results!, kept);
                    await db.SaveChangesAsync(token);
                }
                finally
                {
                    turn.Release();
                }
            });
        }
        catch (OperationCanceledException) when (failure is not null && !cancellationToken.IsCancellationRequested)
        {
            // The service refused the job as a whole: the chunks still running were stopped.
        }
        if (failure is not null)
        {
            await EndAsync(job, JobState.Failed, JsonSerializer.Serialize(failure, ApiJson.Options));
            return;
        }
        await EndAsync(job, JobState.Done, failure: null);
    }

    private sealed record ChunkOutcome(IReadOnlyList<JobRowResult>? Results, Problem? Failure);

    private async Task<ChunkOutcome> RunChunkAsync(BulkJob job, JobKind kind, TokenSubject caller, int chunk, List<FileRow> rows, SemaphoreSlim turn,
        CancellationToken cancellationToken)
    {
        var results = new List<JobRowResult>();
        var sendable = new List<(int RowNumber, IMessage Row)>();
        foreach (var row in rows)
        {
            if (row.Fields is null || row.Violations.Count > 0)
            {
                results.Add(JobRowResult.Refused(row, kind.ReferenceOf(row.Fields)));
                continue;
            }
            var (message, violations) = RowMessages.Parse(row.Fields, kind.Row);
            if (message is null) results.Add(JobRowResult.Refused(row with { Violations = violations }, kind.ReferenceOf(row.Fields)));
            else sendable.Add((row.RowNumber, message));
        }
        if (job.ValidateOnly && !kind.HasDryRun)
        {
            results.AddRange(sendable.Select(row => new JobRowResult(row.RowNumber, JobRowResult.Read, null, null, null)));
            sendable.Clear();
        }
        if (sendable.Count == 0) return new ChunkOutcome([.. results.OrderBy(r => r.RowNumber)], null);

        for (var attempt = 1; ; attempt++)
        {
            var call = new JobCall(job.Target, job.StatusSource, job.ValidateOnly, $"job-{job.Id:N}-{chunk}", tokens.HeadersFor(caller));
            try
            {
                results.AddRange(await kind.RunAsync(call, sendable, cancellationToken));
                return new ChunkOutcome([.. results.OrderBy(r => r.RowNumber)], null);
            }
            catch (RpcException e) when (Transient.Contains(e.StatusCode) && !cancellationToken.IsCancellationRequested)
            {
                // The service is down or busy: the same chunk again, under the same key, until it answers.
                var pause = TimeSpan.FromSeconds(Math.Min(10, attempt));
                logger.LogWarning("Bulk job {JobId}, chunk {Chunk}: {Code} from the service; trying again in {Pause}", job.Id, chunk, e.StatusCode, pause);
                await turn.WaitAsync(cancellationToken);
                try
                {
                    job.LeaseUntil = clock.GetCurrentInstant() + Duration.FromTimeSpan(options.Value.Lease + pause);
                    await db.SaveChangesAsync(cancellationToken);
                }
                finally
                {
                    turn.Release();
                }
                await Task.Delay(pause, cancellationToken);
            }
            catch (RpcException e) when (!Transient.Contains(e.StatusCode))
            {
                return new ChunkOutcome(null, Problem.FromGrpc(e.StatusCode, e.Status.Detail, JobKind.ServiceViolations(e)));
            }
        }
    }

    /// <summary>Adds the chunk's results and counts; the first chunk without results moves past every chunk kept.</summary>
    private void Keep(BulkJob job, int chunk, IReadOnlyList<JobRowResult> results, HashSet<int> kept)
    {
        db.BulkJobChunks.Add(new BulkJobChunk { JobId = job.Id, Chunk = chunk, Results = JsonSerializer.Serialize(results, ApiJson.Options) });
        job.RowsRead += results.Count;
        job.Accepted += results.Count(r => r.Outcome == JobRowResult.Accepted);
        job.Unchanged += results.Count(r => r.Outcome == JobRowResult.Unchanged);
        job.Rejected += results.Count(r => r.Outcome == JobRowResult.Rejected);
        kept.Add(chunk);
        job.NextChunk = JobChunks.FirstWithoutResults(job.NextChunk, kept);
        job.LeaseUntil = clock.GetCurrentInstant() + Duration.FromTimeSpan(options.Value.Lease);
    }

    /// <summary>Ends the job; its file is dropped.</summary>
    private async Task EndAsync(BulkJob job, JobState state, string? failure)
    {
        job.State = state;
        job.Failure = failure;
        job.File = null;
        job.LeaseUntil = null;
        job.FinishedAt = clock.GetCurrentInstant();
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
