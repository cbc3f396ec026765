namespace Partnerskab.Gateway.Jobs;

/// <summary>A job's rows in chunks: which are still to run, and the first without results, when several run at once.</summary>
public static class JobChunks
{
    /// <summary>The chunks of <paramref name="rows"/> rows, <paramref name="chunkRows"/> each, that have no results kept, in file order.</summary>
    public static IReadOnlyList<int> Pending(int rows, int chunkRows, IReadOnlySet<int> kept) =>
        [.. Enumerable.Range(0, (rows + chunkRows - 1) / chunkRows).Where(chunk => !kept.Contains(chunk))];

    /// <summary>The first chunk from <paramref name="from"/> on without results kept.</summary>
    public static int FirstWithoutResults(int from, IReadOnlySet<int> kept)
    {
        while (kept.Contains(from)) from++;
        return from;
    }
}
