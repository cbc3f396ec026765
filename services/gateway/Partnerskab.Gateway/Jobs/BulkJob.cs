using NodaTime;

namespace Partnerskab.Gateway.Jobs;

/// <summary>
/// A bulk file posted to the gateway and what became of it. The file is kept encrypted only until
/// the job ends (it may carry CPR numbers); the caller is kept as the token's claims (never the
/// token), so the worker can act for them; the results are kept a chunk at a time.
/// </summary>
public sealed class BulkJob
{
    public Guid Id { get; init; }

    /// <summary>The token subject that posted the job; another caller's lookup is answered as if the job did not exist.</summary>
    public required string Subject { get; init; }

    /// <summary>The caller's roles, organisation and partnerships as JSON (a TokenSubject), to act for them.</summary>
    public required string Caller { get; init; }

    /// <summary>citizens or weeklyStatuses.</summary>
    public required string Kind { get; init; }

    /// <summary>The partnership the rows are for.</summary>
    public required string Target { get; init; }

    /// <summary>For weekly statuses: the StatusSource name the rows come from.</summary>
    public string? StatusSource { get; init; }

    public bool ValidateOnly { get; init; }
    public JobFormat Format { get; init; }

    /// <summary>The file, encrypted (AES-GCM); null once the job has ended.</summary>
    public byte[]? File { get; set; }

    public int Rows { get; init; }

    /// <summary>
    /// Rows per chunk, fixed when the job is posted: the kept chunks are numbered by it, so a job
    /// resumed after the setting changed still sends each row once.
    /// </summary>
    public int ChunkRows { get; init; }

    public JobState State { get; set; }
    public int RowsRead { get; set; }
    public int Accepted { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }

    /// <summary>The first chunk without results (chunks after it may have theirs: several run at once).</summary>
    public int NextChunk { get; set; }

    /// <summary>Why the job failed, as problem details JSON.</summary>
    public string? Failure { get; set; }

    public Instant CreatedAt { get; init; }
    public Instant? FinishedAt { get; set; }

    /// <summary>While running: until when the gateway instance running it holds it; after that another instance may take it over.</summary>
    public Instant? LeaseUntil { get; set; }
}

/// <summary>The results of one chunk of a job's rows, kept when the chunk has run.</summary>
public sealed class BulkJobChunk
{
    public Guid JobId { get; init; }
    public int Chunk { get; init; }

    /// <summary>The chunk's JobRowResults as a JSON array.</summary>
    public required string Results { get; init; }
}

public enum JobState
{
    Queued = 1,
    Running = 2,
    Done = 3,
    Failed = 4,
}
