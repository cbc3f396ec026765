namespace Partnerskab.Benchmarks;

/// <summary>
/// The deadline of every harness call. Longer than the scenario's ten seconds: a service's first
/// call of a kind compiles its path, and on a busy machine one call can stall for many seconds;
/// a call that still misses it fails the run rather than being counted.
/// </summary>
public static class Deadlines
{
    public static DateTime Call() => DateTime.UtcNow.AddMinutes(2);

    /// <summary>
    /// The deadline of a benchmark's stream (an import, a status stream): far past any rate the
    /// full sizes could run at, so a slow path yields a low figure rather than no figure.
    /// </summary>
    public static DateTime Stream() => DateTime.UtcNow.AddHours(3);
}
