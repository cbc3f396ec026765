using System.Globalization;

namespace Partnerskab.Testing.Load;

/// <summary>A stretch of a load: its calls (by when they were answered), their pace and how long they took.</summary>
public sealed record LoadPhase(string Name, TimeSpan Span, int Calls, int Retries, TimeSpan Median, TimeSpan Slowest)
{
    public double CallsPerSecond => Span > TimeSpan.Zero ? Calls / Span.TotalSeconds : 0;
}

/// <summary>
/// What a fault did to a load's latency and throughput: the calls answered before it began, those answered from its
/// beginning until the suite answered again, and those after. The suite answers again once a call begun after the fault
/// began has been answered (the load's calls are made one after another, so that call waited out whatever the fault
/// held up); <see cref="Outage"/> runs from the fault's beginning to then, <see cref="Lasted"/> is how long the fault
/// itself took (a process killed and restarted, a standby promoted).
/// </summary>
public sealed record FaultImpact(IReadOnlyList<LoadPhase> Phases, TimeSpan Outage, TimeSpan Lasted)
{
    public static FaultImpact Measure(IReadOnlyList<CallTiming> calls, DateTime faultBegan, DateTime faultEnded)
    {
        var back = calls.Where(c => c.Began >= faultBegan).Select(c => c.Ended).DefaultIfEmpty().Min();
        if (back == default)
            throw new InvalidOperationException("No call began after the fault did: the load was too short to tell what the fault did to it.");
        var start = calls.Min(c => c.Began);
        var end = calls.Max(c => c.Ended);
        return new FaultImpact(
        [
            Phase("before the fault", calls.Where(c => c.Ended < faultBegan), faultBegan - start),
            Phase("from the fault until answered again", calls.Where(c => c.Ended >= faultBegan && c.Ended <= back), back - faultBegan),
            Phase("after", calls.Where(c => c.Ended > back), end - back),
        ], back - faultBegan, faultEnded - faultBegan);
    }

    private static LoadPhase Phase(string name, IEnumerable<CallTiming> calls, TimeSpan span)
    {
        var took = calls.Select(c => c.Took).Order().ToList();
        return new LoadPhase(name, span, took.Count, calls.Sum(c => c.Attempts - 1),
            took.Count == 0 ? TimeSpan.Zero : took[took.Count / 2], took.Count == 0 ? TimeSpan.Zero : took[^1]);
    }

    /// <summary>A Markdown table of the phases, and the outage.</summary>
    public override string ToString() => string.Join('\n', [
        "| phase | span | calls answered | calls/s | median call | slowest call | retries |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        .. Phases.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"| {p.Name} | {p.Span.TotalSeconds:0.0} s | {p.Calls} | {p.CallsPerSecond:0.0} | {p.Median.TotalMilliseconds:0} ms | {p.Slowest.TotalMilliseconds:0} ms | {p.Retries} |")),
        string.Create(CultureInfo.InvariantCulture,
            $"Calls were answered again {Outage.TotalSeconds:0.0} s after the fault began; the fault lasted {Lasted.TotalSeconds:0.0} s."),
    ]);
}
