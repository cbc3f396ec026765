using NodaTime;

namespace Partnerskab.Outcome.Timeline;

/// <summary>
/// A finished weekly-status stream and its answer, kept under the sender's idempotency key so a
/// retried stream gets the same answer and writes nothing.
/// </summary>
public sealed class StatusImportRun
{
    public Guid PartnershipId { get; set; }
    public required string IdempotencyKey { get; set; }
    /// <summary>The ReportWeeklyStatusesResponse as protobuf bytes.</summary>
    public required byte[] Response { get; set; }
    public Instant CompletedAt { get; set; }
}
