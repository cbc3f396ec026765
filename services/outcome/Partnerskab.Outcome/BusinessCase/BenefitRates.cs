using NodaTime;
using NodaTime.Calendars;
using Partnerskab.Outcome.Timeline;

namespace Partnerskab.Outcome.BusinessCase;

/// <summary>
/// The kommune's net cost of a week on benefit, as entered for a partnership: a gross rate per
/// status per calendar year (national rates change each year) and, optionally per status, the
/// kommune's share of it by week of the benefit spell (the state's reimbursement falls as the
/// case runs: the refusion staircase). A status with no rate is not weighed: its weeks are
/// neither on benefit nor a cost. No rate or share is built into the code.
/// </summary>
public sealed class BenefitRates
{
    /// <summary>The gross rate of a week in <paramref name="Status"/> whose ISO week falls in <paramref name="Year"/>.</summary>
    public sealed record Rate(WeeklyStatusKind Status, int Year, long OrePerWeek);

    /// <summary>
    /// The kommune's share of the rate, in hundredths of a percent (4000 = 40 %), from the
    /// <paramref name="FromWeek"/>-th week of the spell on (1 is the spell's first week), until a
    /// later step of the same status takes over. Before a status's first step it pays the whole rate.
    /// </summary>
    public sealed record Share(WeeklyStatusKind Status, int FromWeek, int BasisPoints);

    private readonly Dictionary<(WeeklyStatusKind Status, int Year), long> rates;
    private readonly Dictionary<WeeklyStatusKind, Share[]> staircases;

    public BenefitRates(IEnumerable<Rate> rates, IEnumerable<Share> shares)
    {
        this.rates = rates.ToDictionary(r => (r.Status, r.Year), r => r.OrePerWeek);
        staircases = shares.GroupBy(s => s.Status).ToDictionary(g => g.Key, g => g.OrderBy(s => s.FromWeek).ToArray());
    }

    /// <summary>A week in this status counts as a week on benefit (some year has a rate for it).</summary>
    public bool Weighs(WeeklyStatusKind status) => rates.Keys.Any(k => k.Status == status);

    /// <summary>The calendar year whose rate a week takes: its ISO week-year, so a week is never split between two years.</summary>
    public static int YearOf(LocalDate weekStart) => WeekYearRules.Iso.GetWeekYear(weekStart);

    /// <summary>
    /// The kommune's net cost of the week starting on <paramref name="weekStart"/> in a weighed
    /// status, as the <paramref name="weekOfSpell"/>-th week of the spell: the year's rate times the
    /// share, rounded once to whole øre half away from zero; null when the status has no rate for that year.
    /// </summary>
    public long? CostOfWeek(WeeklyStatusKind status, LocalDate weekStart, int weekOfSpell)
    {
        if (!rates.TryGetValue((status, YearOf(weekStart)), out var rate)) return null;
        var basisPoints = ShareBasisPoints(status, weekOfSpell);
        return (long)Math.Round((decimal)rate * basisPoints / 10_000, MidpointRounding.AwayFromZero);
    }

    private int ShareBasisPoints(WeeklyStatusKind status, int weekOfSpell)
    {
        if (!staircases.TryGetValue(status, out var steps)) return 10_000;
        var share = 10_000;
        foreach (var step in steps)
        {
            if (step.FromWeek > weekOfSpell) break;
            share = step.BasisPoints;
        }
        return share;
    }
}
