using NodaTime;

namespace Partnerskab.Cohort.Import;

/// <summary>
/// A finished import stream and its answer, kept under the sender's idempotency key so a
/// retried stream gets the same answer and writes nothing.
/// </summary>
public sealed class ImportRun
{
    public Guid PartnershipId { get; set; }
    public required string IdempotencyKey { get; set; }
    /// <summary>The ImportCitizensResponse as protobuf bytes.</summary>
    public required byte[] Response { get; set; }
    public Instant CompletedAt { get; set; }
}

/// <summary>
/// A written batch of an import stream that has not finished, and the batch's answer: a stream
/// cut off after some batches were written is sent again under the same key, and those batches
/// are answered as they were instead of being judged again against the citizens they wrote.
/// Dropped when the stream's <see cref="ImportRun"/> is written.
/// </summary>
public sealed class ImportBatch
{
    public Guid PartnershipId { get; set; }
    public required string IdempotencyKey { get; set; }
    /// <summary>0 for the stream's first thousand rows, 1 for the next, and so on.</summary>
    public int Batch { get; set; }
    /// <summary>The batch's rows' results and counts, as an ImportCitizensResponse in protobuf bytes.</summary>
    public required byte[] Response { get; set; }
    public Instant CompletedAt { get; set; }
}
