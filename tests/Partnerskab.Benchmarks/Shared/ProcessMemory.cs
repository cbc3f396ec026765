using System.Globalization;
using Partnerskab.Testing;

namespace Partnerskab.Benchmarks;

/// <summary>What a process of the suite has held in memory.</summary>
public static class ProcessMemory
{
    /// <summary>VmHWM: the highest resident set size the process has had (since its start or the last <see cref="ResetPeak"/>), in MB.</summary>
    public static double PeakResidentMegabytes(int processId) =>
        File.ReadLines($"/proc/{processId}/status")
            .Where(line => line.StartsWith("VmHWM:"))
            .Select(line => double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024)
            .Single();

    /// <summary>Sets the process's VmHWM back to its resident set size now (proc(5), clear_refs).</summary>
    public static void ResetPeak(int processId) => File.WriteAllText($"/proc/{processId}/clear_refs", "5");
}

/// <summary>
/// The services' peak RSS row by row: each reading takes every service's peak since the reading
/// before and sets it back, and the highest of the readings is the peak over the whole run.
/// </summary>
public sealed class RowPeaks(IReadOnlyList<ServiceProcess> services)
{
    private readonly Dictionary<string, double> highest = [];

    /// <summary>"cohort 251 MB, outcome ..." since the reading before.</summary>
    public string Take()
    {
        var peaks = services.Select(s => (s.Name, Peak: ProcessMemory.PeakResidentMegabytes(s.ProcessId))).ToList();
        foreach (var (name, peak) in peaks) highest[name] = Math.Max(peak, highest.GetValueOrDefault(name));
        foreach (var service in services) ProcessMemory.ResetPeak(service.ProcessId);
        return string.Create(CultureInfo.InvariantCulture, $"peak RSS since the row before: {string.Join(", ", peaks.Select(p => $"{p.Name} {p.Peak:N0} MB"))}");
    }

    /// <summary>The service's highest peak over the readings, its peak since the last reading included.</summary>
    public double Highest(ServiceProcess service) => Math.Max(highest.GetValueOrDefault(service.Name), ProcessMemory.PeakResidentMegabytes(service.ProcessId));
}
