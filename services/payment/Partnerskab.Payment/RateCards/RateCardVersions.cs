namespace Partnerskab.Payment.RateCards;

/// <summary>
/// What becomes of a proposed rate card against a partnership's versions. Versions never change:
/// one proposed again for the same day with the same terms is the version already there (a
/// retried call changes nothing); with other terms it clashes; for a new day it is the next version.
/// </summary>
public static class RateCardVersions
{
    public abstract record Outcome;

    /// <summary>A new version, numbered after the partnership's last.</summary>
    public sealed record Added(int Version) : Outcome;

    public sealed record Unchanged(RateCard Existing) : Outcome;

    /// <summary>A version effective from the same day has other terms.</summary>
    public sealed record Clash(RateCard Existing) : Outcome;

    public static Outcome Decide(IReadOnlyCollection<RateCard> versions, RateCard proposed)
    {
        var sameDay = versions.FirstOrDefault(v => v.EffectiveFrom == proposed.EffectiveFrom);
        if (sameDay is not null) return sameDay.SameTermsAs(proposed) ? new Unchanged(sameDay) : new Clash(sameDay);
        return new Added(1 + (versions.Count == 0 ? 0 : versions.Max(v => v.Version)));
    }
}
