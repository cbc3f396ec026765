using System.Globalization;
using System.Text;

namespace Partnerskab.Benchmarks;

/// <summary>
/// One figure, its ceiling measured in the same run, and the goal it is held to. The share is
/// the figure over the ceiling, or for a figure where lower is better (a latency) the ceiling
/// over the figure, so that 100 % is always "as good as the ceiling".
/// </summary>
public sealed record Measurement(
    string Path, double Figure, string Unit, double? Ceiling, string? CeilingHow, double? GoalShare = null, double? GoalMaximum = null,
    bool LowerIsBetter = false, string? CpuUse = null, string? MemoryUse = null)
{
    public double? Share => Ceiling is { } ceiling ? (LowerIsBetter ? ceiling / Figure : Figure / ceiling) : null;

    public bool? MeetsGoal =>
        GoalShare is { } goal && Share is { } share ? share >= goal
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
            var share = m.Share is { } s ? $"{s:P0}" : "";
            var goal = m.GoalShare is { } g ? $"at least {g:P0} of the ceiling" : m.GoalMaximum is { } max ? $"at most {Number(max)} {m.Unit}" : "";
            var met = m.MeetsGoal switch { true => "yes", false => "no", null => "" };
            table.AppendLine($"| {m.Path} | {Number(m.Figure)} {m.Unit} | {ceiling} | {share} | {goal} | {met} |");
        }
        var withCpu = measurements.Where(m => m.CpuUse is not null).ToList();
        if (withCpu.Count > 0) table.AppendLine().AppendLine("Where the CPU went while the path ran (not its ceiling):");
        foreach (var m in withCpu) table.AppendLine($"- {m.Path}: {m.CpuUse}");
        var withMemory = measurements.Where(m => m.MemoryUse is not null).ToList();
        if (withMemory.Count > 0) table.AppendLine().AppendLine("The services' peak RSS from the row before to each row's figure (its ceiling and set-up included):");
        foreach (var m in withMemory) table.AppendLine($"- {m.Path}: {m.MemoryUse}");
        return table.ToString();
    }

    // Small figures (latencies in ms) keep a decimal.
    private static string Number(double value) => value.ToString(Math.Abs(value) < 100 ? "N1" : "N0", CultureInfo.InvariantCulture);
}
