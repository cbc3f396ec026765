namespace Partnerskab.Benchmarks;

/// <summary>Percentiles of measured latencies, by the nearest-rank method.</summary>
public sealed class Latencies
{
    private readonly double[] sorted;

    public Latencies(IEnumerable<TimeSpan> latencies)
    {
        sorted = latencies.Select(l => l.TotalMilliseconds).Order().ToArray();
        if (sorted.Length == 0) throw new InvalidOperationException("No latencies were measured.");
    }

    public int Count => sorted.Length;

    /// <summary>The latency in milliseconds that this share (0-1) of the measurements did not exceed.</summary>
    public double Percentile(double share) => sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];

    public double P50 => Percentile(0.50);
    public double P95 => Percentile(0.95);
    public double P99 => Percentile(0.99);
}
