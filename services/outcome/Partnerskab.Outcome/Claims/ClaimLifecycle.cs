namespace Partnerskab.Outcome.Claims;

/// <summary>
/// What a claim's status lets happen to it: the provider claims, the kommune verifies or rejects
/// a claim, and corrects or revokes a verified one. A step repeated with the same content or
/// reason changes nothing, so a retried call is safe; anything else the status does not allow is
/// refused. Pure: the handlers decide once on what they read, and again under the citizen's lock.
/// </summary>
public static class ClaimLifecycle
{
    public abstract record Decision;

    /// <summary>The step happens: the claim moves to <paramref name="To"/> and its history keeps <paramref name="Action"/>.</summary>
    public sealed record Move(ClaimStatus To, ClaimAction Action) : Decision;

    /// <summary>The step has happened already (a retry); the claim stays as it is.</summary>
    public sealed record AlreadyDone : Decision;

    /// <summary>The claim's status does not allow the step; <paramref name="Why"/> completes "Claim {id} ...".</summary>
    public sealed record Refused(string Why) : Decision;

    /// <summary>A new claim under a claim reference: new, the same claim sent again, or a clash with another claim.</summary>
    public abstract record Filing;

    public sealed record NewClaim : Filing;

    public sealed record SameClaim(OutcomeClaim Existing) : Filing;

    public sealed record ReferenceTaken(OutcomeClaim Existing) : Filing;

    public static Filing File(OutcomeClaim claim, OutcomeClaim? existing) =>
        existing is null ? new NewClaim()
        : existing.SameClaimAs(claim) ? new SameClaim(existing)
        : new ReferenceTaken(existing);

    public static Decision Verify(ClaimStatus status) => status switch
    {
        ClaimStatus.Claimed => new Move(ClaimStatus.Verified, ClaimAction.Verified),
        ClaimStatus.Verified => new AlreadyDone(),
        _ => new Refused($"was {Name(status)} and cannot be verified."),
    };

    /// <param name="decisionReason">Why the kommune last decided on the claim (a rejection's reason).</param>
    public static Decision Reject(ClaimStatus status, string? decisionReason, string reason) => status switch
    {
        ClaimStatus.Claimed => new Move(ClaimStatus.Rejected, ClaimAction.Rejected),
        ClaimStatus.Rejected when decisionReason == reason => new AlreadyDone(),
        ClaimStatus.Rejected => new Refused($"was already rejected for another reason: {decisionReason}"),
        _ => new Refused("was verified; a verified outcome is revoked, not rejected."),
    };

    public static Decision Correct(ClaimStatus status, ClaimContent content, ClaimContent correction) => status switch
    {
        ClaimStatus.Verified when content == correction => new AlreadyDone(),
        ClaimStatus.Verified => new Move(ClaimStatus.Verified, ClaimAction.Corrected),
        _ => new Refused($"is {Name(status)}; only a verified claim is corrected."),
    };

    /// <param name="decisionReason">Why the kommune last decided on the claim (a revocation's reason).</param>
    public static Decision Revoke(ClaimStatus status, string? decisionReason, string reason) => status switch
    {
        ClaimStatus.Verified => new Move(ClaimStatus.Revoked, ClaimAction.Revoked),
        ClaimStatus.Revoked when decisionReason == reason => new AlreadyDone(),
        ClaimStatus.Revoked => new Refused($"was already revoked for another reason: {decisionReason}"),
        _ => new Refused($"is {Name(status)}; only a verified claim is revoked (an unverified one is rejected)."),
    };

    private static string Name(ClaimStatus status) => status.ToString().ToLowerInvariant();
}
