namespace Partnerskab.Messaging.Outbox;

/// <summary>Bound from the "Outbox" configuration section.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How many rows one relay pass claims.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How many bytes of stored event bodies one relay pass claims past its first row (<see cref="OutboxClaim"/>):
    /// a hundred small events, or a few batch handovers.
    /// </summary>
    public long BatchBytes { get; set; } = 1024 * 1024;

    /// <summary>How long the relay sleeps when it has nothing to do and is not woken.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long one publish may wait for the broker's confirm.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest pause between two attempts at one row.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Published rows are kept this long for diagnosis, then deleted.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(7);
}
