using System.Text.Json;
using System.Threading.Channels;
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
        var chunkRows = job.ChunkRows;
        var kept = (await db.BulkJobChunks.Where(c => c.JobId == job.Id).Select(c => c.Chunk).ToListAsync(cancellationToken)).ToHashSet();
        var pending = JobChunks.Pending(job.Rows, chunkRows, kept);

        // The job and the database context are one chunk's at a time; the calls to the service overlap
        // with the next chunk's rows becoming messages and the last chunk's results being kept.
        using var turn = new SemaphoreSlim(1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Problem? failure = null;
        var inFlight = job.ValidateOnly || !kind.ChunksMayOverlap ? 1 : Math.Max(1, options.Value.ChunksInFlight);
        var prepared = Channel.CreateBounded<PreparedChunk>(inFlight);
        var preparing = Task.Run(() => PrepareAsync(prepared.Writer, rows, pending, chunkRows, kind, job.ValidateOnly, stop.Token), stop.Token);
        var keeping = Task.CompletedTask;
        var keepingLock = new Lock();
        try
        {
            await Parallel.ForEachAsync(prepared.Reader.ReadAllAsync(stop.Token), new ParallelOptions { MaxDegreeOfParallelism = inFlight, CancellationToken = stop.Token },
                async (chunk, token) =>
                {
                    if (keeping.IsFaulted) await keeping;
                    var outcome = await CallAsync(job, kind, caller, chunk, turn, token);
                    if (outcome.Failure is not null)
                    {
                        failure ??= outcome.Failure;
                        await stop.CancelAsync();
                        return;
                    }
                    lock (keepingLock) keeping = KeepAfterAsync(keeping, job, chunk.Number, outcome.Results!, kept, turn, token);
                });
            await preparing;
            await keeping;
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

    /// <summary>A chunk's rows as the messages to send, and the results of the rows that cannot be sent.</summary>
    private sealed record PreparedChunk(int Number, List<JobRowResult> Refused, List<(int RowNumber, IMessage Row)> Sendable);

    private sealed record ChunkOutcome(IReadOnlyList<JobRowResult>? Results, Problem? Failure);

    /// <summary>Turns the pending chunks' rows into messages, in file order, a chunk ahead of the calls.</summary>
    private static async Task PrepareAsync(ChannelWriter<PreparedChunk> writer, IEnumerable<FileRow> rows, IReadOnlyList<int> pending, int chunkRows,
        JobKind kind, bool validateOnly, CancellationToken cancellationToken)
    {
        try
        {
            var wanted = pending.ToHashSet();
            foreach (var (chunk, part) in rows.Chunk(chunkRows).Index())
            {
                if (wanted.Contains(chunk)) await writer.WriteAsync(Prepare(chunk, part, kind, validateOnly), cancellationToken);
            }
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
            throw;
        }
    }

    private static PreparedChunk Prepare(int chunk, IEnumerable<FileRow> rows, JobKind kind, bool validateOnly)
    {
        var refused = new List<JobRowResult>();
        var sendable = new List<(int RowNumber, IMessage Row)>();
        foreach (var row in rows)
        {
            if (row.Fields is null || row.Violations.Count > 0)
            {
                refused.Add(JobRowResult.Refused(row, kind.ReferenceOf(row.Fields)));
                continue;
            }
            var (message, violations) = RowMessages.Parse(row.Fields, kind.Row);
            if (message is null) refused.Add(JobRowResult.Refused(row with { Violations = violations }, kind.ReferenceOf(row.Fields)));
            else sendable.Add((row.RowNumber, message));
        }
        if (validateOnly && !kind.HasDryRun)
        {
            refused.AddRange(sendable.Select(row => new JobRowResult(row.RowNumber, JobRowResult.Read, null, null, null)));
            sendable.Clear();
        }
        return new PreparedChunk(chunk, refused, sendable);
    }

    private async Task<ChunkOutcome> CallAsync(BulkJob job, JobKind kind, TokenSubject caller, PreparedChunk chunk, SemaphoreSlim turn, CancellationToken cancellationToken)
    {
        var results = new List<JobRowResult>(chunk.Refused);
        if (chunk.Sendable.Count == 0) return new ChunkOutcome([.. results.OrderBy(r => r.RowNumber)], null);

        for (var attempt = 1; ; attempt++)
        {
            var call = new JobCall(job.Target, job.StatusSource, job.ValidateOnly, $"job-{job.Id:N}-{chunk.Number}", tokens.HeadersFor(caller));
            try
            {
                results.AddRange(await kind.RunAsync(call, chunk.Sendable, cancellationToken));
                return new ChunkOutcome([.. results.OrderBy(r => r.RowNumber)], null);
            }
            catch (RpcException e) when (Transient.Contains(e.StatusCode) && !cancellationToken.IsCancellationRequested)
            {
                // The service is down or busy: the same chunk again, under the same key, until it answers.
                var pause = TimeSpan.FromSeconds(Math.Min(10, attempt));
                logger.LogWarning("Bulk job {JobId}, chunk {Chunk}: {Code} from the service; trying again in {Pause}", job.Id, chunk.Number, e.StatusCode, pause);
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

    /// <summary>Keeps a chunk's results once the chunk answered before it has been kept.</summary>
    private async Task KeepAfterAsync(Task previous, BulkJob job, int chunk, IReadOnlyList<JobRowResult> results, HashSet<int> kept, SemaphoreSlim turn,
        CancellationToken cancellationToken)
    {
        await previous;
        await turn.WaitAsync(cancellationToken);
        try
        {
            Keep(job, chunk, results, kept);
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            turn.Release();
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
