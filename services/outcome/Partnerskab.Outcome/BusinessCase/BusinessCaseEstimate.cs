namespace Partnerskab.Outcome.BusinessCase;

/// <summary>
/// Did the partnership pay off: the cohort against a comparison group of the same target group,
/// matched by month since start. In each month both groups reached, the cohort's additional
/// self-sufficient weeks are its own less what its citizens would have had at the comparison's
/// mean per citizen; the gross saving likewise from the benefit cost (each group's weeks at the
/// rates of their own weeks). Totals sum the matched months. The uncertainty is a percentile
/// bootstrap over citizens (each group resampled with replacement, seeded, so the same facts give
/// the same interval); a resample in which a month lost either group leaves that month out.
/// Pure: figures are exact until the one rounding at the end (weeks to hundredths, money to øre,
/// both half away from zero).
/// </summary>
public static class BusinessCaseEstimate
{
    /// <param name="MinimumComparisonCitizens">Below this many comparison citizens with a month observed, the case says nothing about the difference.</param>
    /// <param name="Replicates">Bootstrap resamples.</param>
    /// <param name="Seed">The resampling's seed.</param>
    public sealed record Method(int MinimumComparisonCitizens, int Replicates, int Seed);

    /// <summary>The partnership's cost as the payment service reports it: to date, and expected in total.</summary>
    public sealed record Cost(long ToDateOre, long ExpectedOre);

    /// <summary>One group's sums over its citizens who completed the month.</summary>
    public sealed record GroupMonth(int Citizens, int Weeks, int BenefitWeeks, int SelfSufficientWeeks, long CostOre);

    /// <summary>A month since start (1 is the first); the differences are null when the comparison group has no citizen in it.</summary>
    public sealed record MonthRow(int Month, GroupMonth Cohort, GroupMonth Comparison,
        decimal? AdditionalSelfSufficientWeeks, decimal? BenefitWeeksSaved, long? GrossSavingOre, long? CumulativeGrossSavingOre);

    /// <summary>A 95 % percentile interval.</summary>
    public sealed record Interval(decimal Low, decimal High);

    public sealed record Estimate(
        decimal AdditionalSelfSufficientWeeks, Interval AdditionalSelfSufficientWeeksInterval,
        decimal BenefitWeeksSaved,
        long GrossSavingOre, Interval GrossSavingOreInterval,
        long NetToDateOre, long NetExpectedOre,
        int? BreakEvenMonth, long? CostPerAdditionalSelfSufficientWeekOre);

    /// <summary>The case; <see cref="Estimate"/> is null and <see cref="Reason"/> says why when the facts cannot carry one.</summary>
    public sealed record Result(int CohortCitizens, int ComparisonCitizens, IReadOnlyList<MonthRow> Months, Cost Cost, Estimate? Estimate, string? Reason);

    public static Result Compute(IReadOnlyList<CitizenMonths> cohort, IReadOnlyList<CitizenMonths> comparison, Cost cost, Method method)
    {
        // The resampling draws by position, so citizens are put in an order of their own months: the facts' order cannot change the interval.
        var observedCohort = cohort.Where(c => c.Months.Count > 0).Order(MonthsOrder.Instance).ToList();
        var observedComparison = comparison.Where(c => c.Months.Count > 0).Order(MonthsOrder.Instance).ToList();
        var monthCount = observedCohort.Select(c => c.Months.Count).DefaultIfEmpty(0).Max();
        var a = Sums.Of(observedCohort, monthCount);
        var b = Sums.Of(observedComparison, monthCount);
        var point = Differences(a, b);

        var rows = new List<MonthRow>(monthCount);
        decimal cumulative = 0;
        for (var m = 0; m < monthCount; m++)
        {
            var matched = point.Matched[m];
            if (matched) cumulative += point.Saving[m];
            rows.Add(new MonthRow(m + 1, a.Month(m), b.Month(m),
                matched ? Weeks(point.Additional[m]) : null, matched ? Weeks(point.BenefitSaved[m]) : null,
                matched ? Ore(point.Saving[m]) : null, matched ? Ore(cumulative) : null));
        }

        var reason = ReasonWithoutEstimate(cohort.Concat(comparison), observedComparison.Count, point, method);
        if (reason is not null) return new Result(observedCohort.Count, observedComparison.Count, rows, cost, null, reason);

        var (additional, saving) = Bootstrap(observedCohort, observedComparison, monthCount, method);
        var totalAdditional = point.Additional.Sum();
        var totalSaving = point.Saving.Sum();
        var savingOre = Ore(totalSaving);
        var breakEven = rows.FirstOrDefault(r => r.CumulativeGrossSavingOre >= cost.ToDateOre)?.Month;
        long? perWeek = totalAdditional > 0 ? Ore(cost.ToDateOre / totalAdditional) : null;
        var estimate = new Estimate(
            Weeks(totalAdditional), new Interval(Weeks(additional.Low), Weeks(additional.High)),
            Weeks(point.BenefitSaved.Sum()),
            savingOre, new Interval(Ore(saving.Low), Ore(saving.High)),
            savingOre - cost.ToDateOre, savingOre - cost.ExpectedOre,
            breakEven, perWeek);
        return new Result(observedCohort.Count, observedComparison.Count, rows, cost, estimate, null);
    }

    private static string? ReasonWithoutEstimate(IEnumerable<CitizenMonths> everyone, int comparisonCitizens, MonthDifferences point, Method method)
    {
        var missing = everyone.SelectMany(c => c.MissingRates).Distinct().OrderBy(r => r.Status).ThenBy(r => r.Year).ToList();
        if (missing.Count > 0)
            return $"No benefit rate is entered for {string.Join(", ", missing.Select(r => $"{r.Status} in {r.Year}"))}, so the weeks on benefit cannot be weighed.";
        if (comparisonCitizens < method.MinimumComparisonCitizens)
            return $"The comparison group has {comparisonCitizens} citizens with a month observed; at least {method.MinimumComparisonCitizens} are needed to say anything about the difference.";
        if (!point.Matched.Any(m => m))
            return "No month since start has been completed by citizens of both the cohort and the comparison group.";
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

    private static (Interval Additional, Interval Saving) Bootstrap(
        IReadOnlyList<CitizenMonths> cohort, IReadOnlyList<CitizenMonths> comparison, int months, Method method)
    {
        var random = new Random(method.Seed);
        var additional = new decimal[method.Replicates];
        var saving = new decimal[method.Replicates];
        for (var r = 0; r < method.Replicates; r++)
        {
            var a = new Sums(months);
            for (var i = 0; i < cohort.Count; i++) a.Add(cohort[random.Next(cohort.Count)]);
            var b = new Sums(months);
            for (var i = 0; i < comparison.Count; i++) b.Add(comparison[random.Next(comparison.Count)]);
            var differences = Differences(a, b);
            additional[r] = differences.Additional.Sum();
            saving[r] = differences.Saving.Sum();
        }
        return (Percentiles(additional), Percentiles(saving));
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
