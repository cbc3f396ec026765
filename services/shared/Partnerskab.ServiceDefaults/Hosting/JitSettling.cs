using System.Runtime;

namespace Partnerskab.ServiceDefaults.Hosting;

/// <summary>
/// Waits, after the warm-up's reads, until the runtime has stopped compiling: the methods the
/// start-up and the reads called often are recompiled optimised on a background thread once calls
/// have been quiet for a moment (tiered compilation), that is, the moment the service would say
/// ready, and on two busy cores that compilation competes with the first callers' calls.
/// </summary>
public static class JitSettling
{
    /// <summary>How often the count of compiled methods is read.</summary>
    public static readonly TimeSpan Sample = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Samples in a row without a method compiled that count as settled: longer than the runtime's
    /// call-counting delay (100 ms), after which the background recompilation starts.
    /// </summary>
    public const int QuietSamples = 5;

    /// <summary>True once the last <see cref="QuietSamples"/> samples of the count of compiled methods saw none compiled.</summary>
    public static bool Settled(IReadOnlyList<long> compiledMethods) =>
        compiledMethods.Count > QuietSamples && compiledMethods[^1] == compiledMethods[^(QuietSamples + 1)];

    /// <summary>Returns once the JIT has settled or <paramref name="limit"/> has passed; the methods compiled meanwhile.</summary>
    public static async Task<long> WaitAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var first = JitInfo.GetCompiledMethodCount();
        List<long> counts = [first];
        var until = DateTime.UtcNow + limit;
        while (!Settled(counts) && DateTime.UtcNow < until)
        {
            await Task.Delay(Sample, cancellationToken);
            counts.Add(JitInfo.GetCompiledMethodCount());
        }
        return counts[^1] - first;
    }
}
