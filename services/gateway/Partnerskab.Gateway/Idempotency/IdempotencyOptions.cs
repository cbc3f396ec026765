namespace Partnerskab.Gateway.Idempotency;

/// <summary>Bound from the "Idempotency" configuration section.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long an answer is replayed for its key; after that the key may be used afresh.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// After this long a request still marked running is taken to have died with its gateway (a
    /// crash), and the key may be used again; longer than any call's deadline.
    /// </summary>
    public TimeSpan InFlightTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Base64 of at least 32 secret random bytes: the key of the requests' hashes, so a stored hash reveals nothing of a body.</summary>
    public string FingerprintKey { get; set; } = "";

    /// <summary>The secret key's bytes; the gateway derives its other keys (bulk job files) from it.</summary>
    public byte[] SecretKey()
    {
        var key = string.IsNullOrWhiteSpace(FingerprintKey) ? [] : Convert.FromBase64String(FingerprintKey);
        return key.Length >= 32
            ? key
            : throw new InvalidOperationException(
                $"Configure {Section}:FingerprintKey (environment Idempotency__FingerprintKey): base64 of at least 32 secret random bytes.");
    }
}
