using System.Text.Json;
using Partnerskab.Benchmarks;
using Partnerskab.Testing;

// Usage: Partnerskab.Benchmarks [--quick] [--out DIR] [--only import,statuses,milestones,unary,reports,dashboard,gateway,growth,cold]
// Run by tests/bench.sh, which starts a throwaway PostgreSQL and RabbitMQ; this program starts
// the three services itself, measures each path and its ceiling in the same run, and writes
// results.md and results.json to DIR (default: benchmark-results). --only runs some rows (the
// statuses, unary and gateway rows bring the import with them; reports and dashboard load the national data set, growth two more of its kind), to rerun a path after a change.
var quick = args.Contains("--quick");
var outIndex = Array.IndexOf(args, "--out");
var outDir = Directory.CreateDirectory(outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : "benchmark-results").FullName;
var sizes = quick ? BenchmarkSizes.Quick : BenchmarkSizes.Full;
var onlyIndex = Array.IndexOf(args, "--only");
var only = (onlyIndex >= 0 && onlyIndex + 1 < args.Length ? args[onlyIndex + 1].Split(',', StringSplitOptions.RemoveEmptyEntries) : []).ToHashSet();
if (only.Except(BenchmarkRows.Names).ToList() is [_, ..] unknown)
{
    Console.Error.WriteLine($"--only takes {string.Join(", ", BenchmarkRows.Names)}; not {string.Join(", ", unknown)}");
    return 2;
}

// The harness is one caller measuring what the services can carry, so the per-caller call limit is lifted.
// The outcome service asks the cohort service whether a partnership exists (in the set-up calls
// only, no measured path) within 3 s; a fresh cohort process on a busy machine can take longer.
await using var suite = await LocalSuite.StartAsync("bench", new Dictionary<string, string>
{
    ["Limits__CallsPerSecondPerCaller"] = "1000000",
    ["Limits__BurstPerCaller"] = "1000000",
    ["Services__CohortDeadline"] = "00:00:30",
});
var results = new List<Measurement>();
var rowPeaks = new RowPeaks([.. suite.Services]);
void Report(Measurement measurement)
{
    measurement = measurement with { MemoryUse = rowPeaks.Take() };
    results.Add(measurement);
    Console.WriteLine($"{measurement.Path}: {measurement.Figure:N1} {measurement.Unit}" + (measurement.Ceiling is { } c ? $" (ceiling {c:N1})" : "")
        + $"; {measurement.MemoryUse}");
    // Written after every row, so a run stopped part-way keeps what it measured.
    File.WriteAllText(Path.Combine(outDir, "results.json"), JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
    File.WriteAllText(Path.Combine(outDir, "results.md"), Measurement.Table(results));
}

await BenchmarkRows.RunAsync(suite, sizes, only, Report);

foreach (var service in suite.Services)
{
    Report(new Measurement($"memory: {service.Name}", rowPeaks.Highest(service), "MB peak RSS", null, null, GoalMaximum: 300));
}
if (only.Count == 0 || only.Contains("cold")) await BenchmarkRows.ColdStartAsync(suite, sizes, Report);

Console.WriteLine(Measurement.Table(results));
return 0;

