namespace Partnerskab.Gateway.Jobs;

/// <summary>Bound from the "Jobs" configuration section.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>The largest bulk file accepted.</summary>
    public long MaxFileBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>The most rows a bulk file may have (the citizens import stream's own limit).</summary>
    public int MaxRows { get; set; } = 250_000;

    /// <summary>How long a running job stays with the gateway instance running it without a sign of progress; then another may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle worker looks for queued jobs another instance took in (a job posted here starts at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
