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
