using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Partnerskab.Testing;
using Partnerskab.Tokens;

namespace Partnerskab.Benchmarks;

/// <summary>
/// The committee's dashboard of one partnership from a real portal process over HTTPS, as a
/// signed-in committee member opens it: one page at a time, cycling through as-of dates, each
/// time from the request to the last byte of the page; every answer is checked to be the
/// dashboard with its figures.
/// </summary>
public static class DashboardBenchmark
{
    /// <summary>As-of dates across the national data set's follow-up (handovers March to June 2023).</summary>
    public static readonly IReadOnlyList<string> AsOfDates = ["2023-06-30", "2023-12-31", "2024-06-30", "2024-12-31", "2025-06-30", "2025-10-20"];

    public sealed record Result(Latencies Latency, double PeakResidentMegabytes, string CpuUse);

    public static async Task<Result> RunAsync(LocalSuite suite, NationalDataSet.Partnership partnership, int calls)
    {
        await using var portal = await LocalPortal.StartAsync(suite);
        var password = $"Bench{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}X9";
        var (exitCode, output) = await portal.AddAccountAsync("benchmark-committee", "Benchmark committee", "29189420", SuiteRoles.Committee, partnership.Id.ToString(), password);
        if (exitCode != 0) throw new InvalidOperationException($"add-account benchmark-committee failed: {output}");
        using var client = await portal.SignedInClientAsync("benchmark-committee", password);
        string Page(int n) => $"partnerskaber/{partnership.Id}?dato={AsOfDates[n % AsOfDates.Count]}";

        // One unmeasured pass compiles the portal's and the services' paths for every date.
        for (var n = 0; n < AsOfDates.Count; n++) await CheckedGetAsync(client, Page(n));
        var cpu = await CpuUse.StartAsync(suite, portal.Process);
        var latencies = new List<TimeSpan>(calls);
        for (var n = 0; n < calls; n++)
        {
            var started = Stopwatch.GetTimestamp();
            await CheckedGetAsync(client, Page(n));
            latencies.Add(Stopwatch.GetElapsedTime(started));
        }
        var cpuUse = cpu.Stop();
        return new Result(new Latencies(latencies), ProcessMemory.PeakResidentMegabytes(portal.Process.ProcessId), cpuUse);
    }

    private static async Task CheckedGetAsync(HttpClient client, string page)
    {
        using var response = await client.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !html.Contains("id=\"status-table-caption\"") || !html.Contains("id=\"cost-table-caption\""))
        {
            throw new InvalidOperationException($"{page} answered {(int)response.StatusCode} without the dashboard's tables.");
        }
    }
}
