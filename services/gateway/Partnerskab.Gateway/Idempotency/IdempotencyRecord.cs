using NodaTime;

namespace Partnerskab.Gateway.Idempotency;

/// <summary>
/// A caller's Idempotency-Key and what became of the request that first used it: a keyed hash
/// of that request (never the request itself, which may carry a CPR number), and once it has
/// finished, the status, content type and body it was answered with.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string Subject { get; init; }
    public required string Key { get; init; }
    public required byte[] RequestHash { get; set; }
    public required Instant StartedAt { get; set; }

    /// <summary>Null while the first request is still running.</summary>
    public int? Status { get; set; }

    public string? ContentType { get; set; }
    public byte[]? Body { get; set; }

    /// <summary>For a gRPC call: its status headers and trailers (JSON), which a replay sends again.</summary>
    public string? GrpcMetadata { get; set; }
    public Instant? CompletedAt { get; set; }
}
