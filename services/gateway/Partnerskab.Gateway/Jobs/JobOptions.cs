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

    /// <summary>
    /// How long a job that ended is kept, with its results, for its caller to read: 30 days by
    /// default, long enough for a monthly round of checking the rejected rows (and for a job that
    /// ended on a Friday before a holiday), short enough that the results, which name citizens by
    /// pseudonym and case reference, are not kept long after they have served.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How many chunks of one import are sent at once. One, by default, keeps the file's order:
    /// a row's answer can depend on the rows before it (a citizen twice in the file, the cohort
    /// filling up), and the same file must get the same answers. More lets the next chunk travel
    /// while the service writes one, for a sender who knows its rows do not depend on each other.
    /// </summary>
    public int ChunksInFlight { get; set; } = 1;

    /// <summary>
    /// How many rows of a citizens file go in one ImportCitizens stream. The cohort service keeps
    /// each written batch's answer under the stream's key, so a stream cut off halfway is answered
    /// for what it wrote and judged for the rest, whatever its length; a longer stream saves the
    /// service a stream's start and end per chunk (a 100,000-row file as one stream ran at 83 % of the
    /// gRPC import's speed, in ten at 47 %), a shorter one moves the job's progress more often.
    /// </summary>
    public int CitizenChunkRows { get; set; } = 100_000;

    /// <summary>How often an idle worker looks for queued jobs another instance took in (a job posted here starts at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
