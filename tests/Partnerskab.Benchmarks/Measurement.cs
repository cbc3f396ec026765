using System.Globalization;
using System.Text;

namespace Partnerskab.Benchmarks;

/// <summary>One figure, its ceiling measured in the same run, and the goal it is held to.</summary>
public sealed record Measurement(
    string Path, double Figure, string Unit, double? Ceiling, string? CeilingHow, double? GoalShare = null, double? GoalMaximum = null)
{
    public bool? MeetsGoal =>
        GoalShare is { } share && Ceiling is { } ceiling ? Figure >= share * ceiling
        : GoalMaximum is { } maximum ? Figure <= maximum
        : null;

    public static string Table(IEnumerable<Measurement> measurements)
    {
        var table = new StringBuilder();
        table.AppendLine("| path | figure | ceiling measured in the same run | share | goal | met |");
        table.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var m in measurements)
        {
            var ceiling = m.Ceiling is { } c ? $"{Number(c)} {m.Unit} ({m.CeilingHow})" : "none";
            var share = m.Ceiling is { } c2 ? $"{m.Figure / c2:P0}" : "";
            var goal = m.GoalShare is { } g ? $"at least {g:P0} of the ceiling" : m.GoalMaximum is { } max ? $"at most {Number(max)} {m.Unit}" : "";
            var met = m.MeetsGoal switch { true => "yes", false => "no", null => "" };
            table.AppendLine($"| {m.Path} | {Number(m.Figure)} {m.Unit} | {ceiling} | {share} | {goal} | {met} |");
        }
        return table.ToString();
    }

    private static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
