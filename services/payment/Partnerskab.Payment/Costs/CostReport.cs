using Partnerskab.Payment.Ledger;

namespace Partnerskab.Payment.Costs;

/// <summary>What a partnership has cost, per calendar year of earning, to the øre.</summary>
public static class CostReport
{
    public sealed record YearCost(int Year, long EarnedOre);

    public static IReadOnlyList<YearCost> ByYear(IEnumerable<(int Year, long AmountOre)> items) =>
        items.GroupBy(i => i.Year)
            .OrderBy(g => g.Key)
            .Select(g => new YearCost(g.Key, g.Sum(i => i.AmountOre)))
            .ToList();
}
