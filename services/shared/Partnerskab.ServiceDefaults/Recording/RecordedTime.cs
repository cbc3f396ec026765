using NodaTime;
using NodaTime.Text;
using Partnerskab.Tokens;

namespace Partnerskab.ServiceDefaults.Recording;

/// <summary>
/// The moment the facts of the current call or consumed event are recorded at, when it is given
/// rather than read off the clock: an operator's historical load names it in the
/// <see cref="Header"/> of each call (<see cref="RecordedAtInterceptor"/>), and an event written in
/// such a call carries it to its consumers in the same header. <see cref="RecordingClock"/> answers
/// it as "now", so every handler and consumer records and dates the facts of a load as it would
/// have on that day, without knowing of loads.
/// </summary>
public static class RecordedTime
{
    /// <summary>The gRPC metadata key and the message header key: an instant, "2024-05-06T10:00:00Z".</summary>
    public const string Header = RecordedAtHeader.Name;

    private static readonly AsyncLocal<Instant?> Given = new();

    public static Instant? Current => Given.Value;

    /// <summary>Records the rest of this flow at <paramref name="at"/> (nothing given: by the clock) until disposed.</summary>
    public static IDisposable Use(Instant? at)
    {
        var before = Given.Value;
        Given.Value = at;
        return new Restore(before);
    }

    public static string Format(Instant at) => InstantPattern.ExtendedIso.Format(at);

    public static Instant? Parse(string? text) =>
        text is not null && InstantPattern.ExtendedIso.Parse(text) is { Success: true } parsed ? parsed.Value : null;

    private sealed class Restore(Instant? before) : IDisposable
    {
        public void Dispose() => Given.Value = before;
    }
}

/// <summary>The service's clock: the <see cref="RecordedTime"/> a load gives, else the real one.</summary>
public sealed class RecordingClock(IClock clock) : IClock
{
    public Instant GetCurrentInstant() => RecordedTime.Current ?? clock.GetCurrentInstant();

    /// <summary>The real time, whatever a load gives.</summary>
    public Instant RealNow() => clock.GetCurrentInstant();
}
