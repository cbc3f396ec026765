namespace Partnerskab.Outcome.Milestones;

/// <summary>
/// What a recalculation changes: the citizen's standing milestones against what the facts reach
/// now. A standing milestone stays only if the facts reach it on the same day; when they reach
/// it on another day, earlier or later, it is revoked and reached anew on that day, so the
/// stored milestones (code and day) after the last fact are the same whatever order the facts
/// came in, and payment credits the first and books the second in its own period. Pure.
/// </summary>
public static class MilestoneDifference
{
    /// <summary>A standing milestone the facts still reach on its day, with its basis as it is now.</summary>
    public sealed record Kept(Milestone Milestone, MilestoneEngine.Reached Now);

    /// <summary>A standing milestone to revoke; <paramref name="MovedTo"/> is set when the facts reach its code on another day.</summary>
    public sealed record Revoked(Milestone Milestone, MilestoneEngine.Reached? MovedTo);

    public sealed record Result(IReadOnlyList<Kept> Kept, IReadOnlyList<Revoked> Revoked, IReadOnlyList<MilestoneEngine.Reached> Reached);

    public static Result Between(IEnumerable<Milestone> standing, IEnumerable<MilestoneEngine.Reached> reachedNow)
    {
        var now = reachedNow.ToDictionary(r => r.Code);
        var kept = new List<Kept>();
        var revoked = new List<Revoked>();
        foreach (var milestone in standing)
        {
            if (!now.TryGetValue(milestone.Code, out var reached))
            {
                revoked.Add(new Revoked(milestone, null));
            }
            else if (reached.AchievedOn == milestone.AchievedOn)
            {
                kept.Add(new Kept(milestone, reached));
                now.Remove(milestone.Code);
            }
            else
            {
                revoked.Add(new Revoked(milestone, reached));
            }
        }
        return new Result(kept, revoked, now.Values.OrderBy(r => r.Code, StringComparer.Ordinal).ToList());
    }
}
