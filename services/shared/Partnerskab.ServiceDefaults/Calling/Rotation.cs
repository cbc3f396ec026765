using System.Collections.Concurrent;

namespace Partnerskab.ServiceDefaults.Calling;

/// <summary>
/// Which instance a call goes to: round robin over the instances whose connection is up, leaving out for
/// <paramref name="leftOutFor"/> an instance a call could not open a connection to (unless every one is left out, when
/// all are tried again). Safe for calls picking at once.
/// </summary>
public sealed class Rotation<T>(TimeSpan leftOutFor) where T : notnull
{
    private readonly ConcurrentDictionary<T, TimeSpan> refused = new();
    private long turn = -1;

    /// <summary>A call could not open a connection to <paramref name="instance"/> at <paramref name="at"/>.</summary>
    public void Refused(T instance, TimeSpan at) => refused[instance] = at;

    /// <summary>The instance of <paramref name="up"/> (not empty) the next call goes to at <paramref name="now"/>.</summary>
    public T Next(IReadOnlyList<T> up, TimeSpan now)
    {
        var open = refused.IsEmpty ? up : [.. up.Where(instance => !LeftOut(instance, now))];
        var candidates = open.Count > 0 ? open : up;
        return candidates[(int)((ulong)Interlocked.Increment(ref turn) % (ulong)candidates.Count)];
    }

    private bool LeftOut(T instance, TimeSpan now)
    {
        if (!refused.TryGetValue(instance, out var at)) return false;
        if (now - at < leftOutFor) return true;
        refused.TryRemove(KeyValuePair.Create(instance, at));
        return false;
    }
}
