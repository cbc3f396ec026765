using Partnerskab.Portal.Reports;
using Shouldly;

namespace Partnerskab.Portal.Tests;

public sealed class StackedBarChartTests
{
    [Fact]
    public void Bars_stack_bottom_up_and_the_tallest_stack_fills_the_plot()
    {
        var chart = new StackedBarChart(["2023", "2024"], [new("paid", "#000", [1m, 3m]), new("unpaid", "#fff", [1m, 0m])]);

        chart.Maximum.ShouldBe(3m);
        var bars = chart.Bars().ToList();
        bars.Count.ShouldBe(3); // a zero part draws nothing
        var (first, second) = (bars[0], bars[1]);
        (first.Height + second.Height).ShouldBe(chart.PlotHeight * 2 / 3, tolerance: 0.000001m);
        second.Y.ShouldBe(first.Y - second.Height);
        bars[2].Height.ShouldBe(chart.PlotHeight);
        bars[2].Label.ShouldBe("2024: paid");
    }

    [Fact]
    public void Many_categories_are_labelled_sparsely_and_an_empty_chart_still_has_an_axis()
    {
        var months = Enumerable.Range(1, 24).Select(i => $"m{i}").ToList();
        var chart = new StackedBarChart(months, [new("s", "#000", [.. months.Select(_ => 0m)])]);

        chart.CategoryLabels().Select(l => l.Text).ShouldBe(["m1", "m4", "m7", "m10", "m13", "m16", "m19", "m22"]);
        chart.Maximum.ShouldBe(1m);
        chart.Bars().ShouldBeEmpty();
        new StackedBarChart([], []).Ticks().Count().ShouldBe(3);
    }

    [Theory]
    [InlineData(3, 4, new[] { 0, 2, 4 })]
    [InlineData(4, 4, new[] { 0, 2, 4 })]
    [InlineData(1, 2, new[] { 0, 1, 2 })]
    [InlineData(0, 2, new[] { 0, 1, 2 })]
    public void A_chart_of_counts_has_only_whole_numbers_on_its_axis(int largest, int maximum, int[] ticks)
    {
        var chart = new StackedBarChart(["2023-04", "2023-05"], [new("s", "#000", [largest, 0m])], counts: true);

        chart.Maximum.ShouldBe(maximum);
        chart.Ticks().Select(t => t.Value).ShouldBe(ticks.Select(t => (decimal)t));
        // Money in millions keeps its own top, halves and all.
        new StackedBarChart(["2023"], [new("paid", "#000", [3.5m])]).Ticks().Select(t => t.Value).ShouldBe([0m, 1.75m, 3.5m]);
    }
}
