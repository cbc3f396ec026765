namespace Partnerskab.Benchmarks;

/// <summary>
/// The deadline of every harness call. Longer than the scenario's ten seconds: a service's first
/// call of a kind compiles its path, and on a busy machine one call can stall for many seconds;
/// a call that still misses it fails the run rather than being counted.
/// </summary>
public static class Deadlines
{
    public static DateTime Call() => DateTime.UtcNow.AddMinutes(2);
}
