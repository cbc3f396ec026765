namespace Partnerskab.Gateway.Idempotency;

/// <summary>Why a write with an Idempotency-Key is not forwarded.</summary>
public enum IdempotencyRefusal
{
    /// <summary>The key is not 1 to 255 visible ASCII characters.</summary>
    InvalidKey,

    /// <summary>The key was used for a different request.</summary>
    Reused,

    /// <summary>The key's first request is still running.</summary>
    InFlight,
}

/// <summary>How one protocol (REST or gRPC) refuses, replays and judges the answers of idempotent writes.</summary>
public interface IWriteAnswers
{
    Task RefuseAsync(HttpContext context, IdempotencyRefusal refusal);

    Task ReplayAsync(HttpContext context, IdempotencyRecord record);

    /// <summary>Whether the answer just given is kept for replay; a failure the retry should redo is not.</summary>
    bool IsKept(HttpContext context);

    /// <summary>What a replay needs besides the status, content type and body (gRPC's status headers and trailers).</summary>
    string? Metadata(HttpContext context);
}
