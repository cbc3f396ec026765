namespace Partnerskab.Outcome.BusinessCase;

/// <summary>
/// Did the partnership pay off: the cohort against what would have happened anyway, matched by
/// month since start, in one of two ways.
/// <list type="bullet">
/// <item>A comparison group of the same target group: in each month both groups reached, the
/// cohort's additional self-sufficient weeks are its own less what its citizens would have had at
/// the comparison's mean per citizen; the gross saving likewise from the benefit cost (each
/// group's weeks at the rates of their own weeks).</item>
/// <item>An expected curve (the share self-sufficient by month since start): in each month the
/// curve has, the cohort's self-sufficient weeks less the curve's share of its weeks; each
/// additional week is a week on benefit saved, worth the cohort's mean net cost of a week on
/// benefit over the case.</item>
/// </list>
/// Totals sum the matched months. The uncertainty is a percentile bootstrap over citizens (the
/// cohort and a comparison group each resampled with replacement, seeded, so the same facts give
/// the same interval); a resample in which a month lost either group leaves that month out.
/// Pure: figures are exact until the one rounding at the end (weeks to hundredths, money to øre,
/// both half away from zero).
/// </summary>
public static class BusinessCaseEstimate
{
    /// <param name="Replicates">Bootstrap resamples.</param>
    /// <param name="Seed">The resampling's seed.</param>
    public sealed record Method(int Replicates, int Seed);

    /// <summary>What the cohort is compared with.</summary>
    public abstract record Comparison
    {
        private Comparison() { }

        /// <summary>
        /// Citizens of the target group not handed over, each from the day they entered it; with fewer
        /// than <paramref name="MinimumCitizens"/> who completed a month, the case says nothing about the difference.
        /// </summary>
        public sealed record Group(IReadOnlyList<CitizenMonths> Citizens, int MinimumCitizens) : Comparison;

        /// <summary>The share self-sufficient (hundredths of a percent) in month 1, 2, ... since start.</summary>
        public sealed record Curve(IReadOnlyList<int> SelfSufficientBasisPoints) : Comparison;
    }

    /// <summary>The partnership's cost as the payment service reports it: to date, and expected in total; without it the case has no net, break-even or cost per week.</summary>
    public sealed record Cost(long ToDateOre, long ExpectedOre);

    /// <summary>One group's sums over its citizens who completed the month.</summary>
    public sealed record GroupMonth(int Citizens, int Weeks, int BenefitWeeks, int SelfSufficientWeeks, long CostOre);

    /// <summary>
    /// A month since start (1 is the first) with the comparison group's sums or the curve's share;
    /// the differences are null when the comparison group has no citizen in it or the curve no share for it.
    /// </summary>
    public sealed record MonthRow(int Month, GroupMonth Cohort, GroupMonth? Comparison, int? ExpectedSelfSufficientBasisPoints,
        decimal? AdditionalSelfSufficientWeeks, decimal? BenefitWeeksSaved, long? GrossSavingOre, long? CumulativeGrossSavingOre);

    /// <summary>A 95 % percentile interval.</summary>
    public sealed record Interval(decimal Low, decimal High);

    public sealed record Estimate(
        decimal AdditionalSelfSufficientWeeks, Interval AdditionalSelfSufficientWeeksInterval,
        decimal BenefitWeeksSaved,
        long GrossSavingOre, Interval GrossSavingOreInterval,
        long? NetToDateOre, long? NetExpectedOre,
        int? BreakEvenMonth, long? CostPerAdditionalSelfSufficientWeekOre);

    /// <summary>The case; <see cref="Estimate"/> is null and <see cref="Reason"/> says why when the facts cannot carry one.</summary>
    public sealed record Result(int CohortCitizens, int ComparisonCitizens, IReadOnlyList<MonthRow> Months, Cost? Cost, Estimate? Estimate, string? Reason);

    public static Result Compute(IReadOnlyList<CitizenMonths> cohort, Comparison comparison, Cost? cost, Method method)
    {
        // The resampling draws by position, so citizens are put in an order of their own months: the facts' order cannot change the interval.
        var observedCohort = Observed(cohort);
        var group = comparison is Comparison.Group g ? Observed(g.Citizens) : [];
        var curve = (comparison as Comparison.Curve)?.SelfSufficientBasisPoints;
        var monthCount = observedCohort.Select(c => c.Months.Count).DefaultIfEmpty(0).Max();
        var a = Sums.Of(observedCohort, monthCount);
        var b = curve is null ? Sums.Of(group, monthCount) : null;
        var point = b is null ? CurveDifferences(a, curve!) : Differences(a, b);

        var rows = new List<MonthRow>(monthCount);
        decimal cumulative = 0;
        for (var m = 0; m < monthCount; m++)
        {
            var matched = point.Matched[m];
            if (matched) cumulative += point.Saving[m];
            rows.Add(new MonthRow(m + 1, a.Month(m), b?.Month(m), curve is not null && m < curve.Count ? curve[m] : null,
                matched ? Weeks(point.Additional[m]) : null, matched ? Weeks(point.BenefitSaved[m]) : null,
                matched ? Ore(point.Saving[m]) : null, matched ? Ore(cumulative) : null));
        }

        var everyone = comparison is Comparison.Group all ? cohort.Concat(all.Citizens) : cohort;
        var reason = ReasonWithoutEstimate(everyone, comparison is Comparison.Group minimum ? (group.Count, minimum.MinimumCitizens) : null, a, point);
        if (reason is not null) return new Result(observedCohort.Count, group.Count, rows, cost, null, reason);

        var (additional, saving) = Bootstrap(observedCohort, group, curve, monthCount, method);
        var totalAdditional = point.Additional.Sum();
        var savingOre = Ore(point.Saving.Sum());
        var breakEven = cost is null ? null : rows.FirstOrDefault(r => r.CumulativeGrossSavingOre >= cost.ToDateOre)?.Month;
        long? perWeek = cost is not null && totalAdditional > 0 ? Ore(cost.ToDateOre / totalAdditional) : null;
        var estimate = new Estimate(
            Weeks(totalAdditional), new Interval(Weeks(additional.Low), Weeks(additional.High)),
            Weeks(point.BenefitSaved.Sum()),
            savingOre, new Interval(Ore(saving.Low), Ore(saving.High)),
            savingOre - cost?.ToDateOre, savingOre - cost?.ExpectedOre,
            breakEven, perWeek);
        return new Result(observedCohort.Count, group.Count, rows, cost, estimate, null);
    }

    private static List<CitizenMonths> Observed(IEnumerable<CitizenMonths> citizens) =>
        citizens.Where(c => c.Months.Count > 0).Order(MonthsOrder.Instance).ToList();

    /// <param name="group">The comparison group's citizens who completed a month, and the fewest it needs; null for a curve.</param>
    private static string? ReasonWithoutEstimate(IEnumerable<CitizenMonths> everyone, (int Citizens, int Minimum)? group, Sums cohort, MonthDifferences point)
    {
        var missing = everyone.SelectMany(c => c.MissingRates).Distinct().OrderBy(r => r.Status).ThenBy(r => r.Year).ToList();
        if (missing.Count > 0)
            return $"No benefit rate is entered for {string.Join(", ", missing.Select(r => $"{r.Status} in {r.Year}"))}, so the weeks on benefit cannot be weighed.";
        if (group is { } g && g.Citizens < g.Minimum)
            return $"The comparison group has {g.Citizens} citizens with a month observed; at least {g.Minimum} are needed to say anything about the difference.";
        if (!point.Matched.Any(m => m))
            return group is null
                ? "No month since start the expected curve has a share for has been completed by citizens of the cohort."
                : "No month since start has been completed by citizens of both the cohort and the comparison group.";
        if (group is null && cohort.Benefit.Sum() == 0)
            return "The cohort has had no week on benefit, so a week saved against the expected curve has no cost to be weighed at.";
        return null;
    }

    /// <summary>Per month: citizens, weeks on benefit, self-sufficient weeks and cost summed over a group.</summary>
    private sealed class Sums(int months)
    {
        public readonly int[] Citizens = new int[months];
        public readonly int[] Weeks = new int[months];
        public readonly int[] Benefit = new int[months];
        public readonly int[] SelfSufficient = new int[months];
        public readonly long[] Cost = new long[months];

        public static Sums Of(IEnumerable<CitizenMonths> citizens, int months)
        {
            var sums = new Sums(months);
            foreach (var citizen in citizens) sums.Add(citizen);
            return sums;
        }

        public void Add(CitizenMonths citizen)
        {
            for (var m = 0; m < citizen.Months.Count && m < Citizens.Length; m++)
            {
                var month = citizen.Months[m];
                Citizens[m]++;
                Weeks[m] += month.Weeks;
                Benefit[m] += month.BenefitWeeks;
                SelfSufficient[m] += month.SelfSufficientWeeks;
                Cost[m] += month.CostOre;
            }
        }

        public GroupMonth Month(int m) => new(Citizens[m], Weeks[m], Benefit[m], SelfSufficient[m], Cost[m]);
    }

    private sealed record MonthDifferences(bool[] Matched, decimal[] Additional, decimal[] BenefitSaved, decimal[] Saving);

    /// <summary>The cohort's own weeks and cost less what its citizens would have had at the comparison's means, per month both groups reached.</summary>
    private static MonthDifferences Differences(Sums cohort, Sums comparison)
    {
        var months = cohort.Citizens.Length;
        var result = new MonthDifferences(new bool[months], new decimal[months], new decimal[months], new decimal[months]);
        for (var m = 0; m < months; m++)
        {
            if (cohort.Citizens[m] == 0 || comparison.Citizens[m] == 0) continue;
            decimal scale = (decimal)cohort.Citizens[m] / comparison.Citizens[m];
            result.Matched[m] = true;
            result.Additional[m] = cohort.SelfSufficient[m] - scale * comparison.SelfSufficient[m];
            result.BenefitSaved[m] = scale * comparison.Benefit[m] - cohort.Benefit[m];
            result.Saving[m] = scale * comparison.Cost[m] - cohort.Cost[m];
        }
        return result;
    }

    /// <summary>The cohort's self-sufficient weeks less the curve's share of its weeks, each worth the cohort's mean cost of a week on benefit.</summary>
    private static MonthDifferences CurveDifferences(Sums cohort, IReadOnlyList<int> curve)
    {
        var months = cohort.Citizens.Length;
        var result = new MonthDifferences(new bool[months], new decimal[months], new decimal[months], new decimal[months]);
        var benefitWeeks = cohort.Benefit.Sum();
        var costOfWeek = benefitWeeks == 0 ? 0 : (decimal)cohort.Cost.Sum() / benefitWeeks;
        for (var m = 0; m < months && m < curve.Count; m++)
        {
            if (cohort.Citizens[m] == 0) continue;
            result.Matched[m] = true;
            result.Additional[m] = cohort.SelfSufficient[m] - (decimal)cohort.Weeks[m] * curve[m] / 10_000;
            result.BenefitSaved[m] = result.Additional[m];
            result.Saving[m] = result.Additional[m] * costOfWeek;
        }
        return result;
    }

    private static (Interval Additional, Interval Saving) Bootstrap(
        IReadOnlyList<CitizenMonths> cohort, IReadOnlyList<CitizenMonths> group, IReadOnlyList<int>? curve, int months, Method method)
    {
        var random = new Random(method.Seed);
        var additional = new decimal[method.Replicates];
        var saving = new decimal[method.Replicates];
        for (var r = 0; r < method.Replicates; r++)
        {
            var a = Resample(cohort, months, random);
            var differences = curve is null ? Differences(a, Resample(group, months, random)) : CurveDifferences(a, curve);
            additional[r] = differences.Additional.Sum();
            saving[r] = differences.Saving.Sum();
        }
        return (Percentiles(additional), Percentiles(saving));
    }

    private static Sums Resample(IReadOnlyList<CitizenMonths> citizens, int months, Random random)
    {
        var sums = new Sums(months);
        for (var i = 0; i < citizens.Count; i++) sums.Add(citizens[random.Next(citizens.Count)]);
        return sums;
    }

    /// <summary>The 2.5th and 97.5th percentiles by nearest rank.</summary>
    private static Interval Percentiles(decimal[] values)
    {
        Array.Sort(values);
        var n = values.Length;
        return new Interval(values[Math.Max(0, (int)Math.Ceiling(0.025 * n) - 1)], values[Math.Min(n - 1, (int)Math.Ceiling(0.975 * n) - 1)]);
    }

    private sealed class MonthsOrder : IComparer<CitizenMonths>
    {
        public static readonly MonthsOrder Instance = new();

        public int Compare(CitizenMonths? x, CitizenMonths? y)
        {
            var order = x!.Months.Count.CompareTo(y!.Months.Count);
            for (var m = 0; order == 0 && m < x.Months.Count; m++)
            {
                var (p, q) = (x.Months[m], y.Months[m]);
                order = p.Weeks != q.Weeks ? p.Weeks.CompareTo(q.Weeks)
                    : p.BenefitWeeks != q.BenefitWeeks ? p.BenefitWeeks.CompareTo(q.BenefitWeeks)
                    : p.SelfSufficientWeeks != q.SelfSufficientWeeks ? p.SelfSufficientWeeks.CompareTo(q.SelfSufficientWeeks)
                    : p.CostOre.CompareTo(q.CostOre);
            }
            return order;
        }
    }

    private static decimal Weeks(decimal weeks) => Math.Round(weeks, 2, MidpointRounding.AwayFromZero);

    private static long Ore(decimal ore) => (long)Math.Round(ore, MidpointRounding.AwayFromZero);
}
