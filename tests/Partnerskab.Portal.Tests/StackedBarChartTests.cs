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
}
