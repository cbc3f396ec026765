namespace Partnerskab.Portal.Reports;

/// <summary>One coloured part of a stacked chart (a status, a kind of cost) with its value per bar.</summary>
public sealed record ChartSeries(string Name, string Colour, IReadOnlyList<decimal> Values);

/// <summary>A rectangle of the chart, in the SVG's own units.</summary>
public sealed record ChartBar(decimal X, decimal Y, decimal Width, decimal Height, string Colour, string Label);

/// <summary>
/// A stacked bar chart laid out for server-side SVG: one bar per category, the series stacked
/// bottom up. Geometry only; the page draws it and puts the numbers in a table beside it. A chart
/// of <paramref name="counts"/> (citizens) has only whole numbers on its axis.
/// </summary>
public sealed class StackedBarChart(IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, bool counts = false)
{
    public const decimal Width = 640;
    public const decimal Height = 280;
    public const decimal Left = 48;
    public const decimal Bottom = 40;
    private const decimal Top = 10;

    public IReadOnlyList<string> Categories { get; } = categories;
    public IReadOnlyList<ChartSeries> Series { get; } = series;

    public decimal PlotHeight => Height - Bottom - Top;
    private decimal Band => Categories.Count == 0 ? 0 : (Width - Left) / Categories.Count;

    /// <summary>The axis' top value: the largest stack, at least 1; for counts the even number at or above it, at least 2, so that its half is whole too.</summary>
    public decimal Maximum
    {
        get
        {
            var largest = Categories.Count == 0 ? 0 : Enumerable.Range(0, Categories.Count).Max(i => Series.Sum(s => s.Values[i]));
            return counts ? Math.Max(2, Math.Ceiling(largest / 2) * 2) : Math.Max(1, largest);
        }
    }

    public IEnumerable<ChartBar> Bars()
    {
        for (var i = 0; i < Categories.Count; i++)
        {
            var baseline = Height - Bottom;
            foreach (var part in Series.Where(s => s.Values[i] > 0))
            {
                var height = part.Values[i] / Maximum * PlotHeight;
                baseline -= height;
                yield return new ChartBar(Left + i * Band + Band * 0.15m, baseline, Band * 0.7m, height, part.Colour, $"{Categories[i]}: {part.Name}");
            }
        }
    }

    /// <summary>Where a category's label goes; with many bars only every n-th is labelled so they do not overlap.</summary>
    public IEnumerable<(decimal X, string Text)> CategoryLabels()
    {
        var every = Math.Max(1, (int)Math.Ceiling(Categories.Count / 8m));
        for (var i = 0; i < Categories.Count; i += every) yield return (Left + i * Band + Band / 2, Categories[i]);
    }

    /// <summary>0, half and the maximum, with their heights.</summary>
    public IEnumerable<(decimal Y, decimal Value)> Ticks() =>
        new[] { 0m, Maximum / 2, Maximum }.Select(value => (Height - Bottom - value / Maximum * PlotHeight, value));
}
