namespace Partnerskab.Testing;

/// <summary>Waiting for what a test observes from outside a process, such as a line of its output, which can trail the answer it tells of.</summary>
public static class Poll
{
    /// <summary>Checks <paramref name="condition"/> every 50 ms until it holds, at most for <paramref name="patience"/>; whether it held.</summary>
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        while (!condition())
        {
            if (DateTime.UtcNow > until) return false;
            await Task.Delay(50);
        }
        return true;
    }
}
