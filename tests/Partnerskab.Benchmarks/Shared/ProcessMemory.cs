namespace Partnerskab.Benchmarks;

/// <summary>What a process of the suite has held in memory.</summary>
public static class ProcessMemory
{
    /// <summary>VmHWM: the highest resident set size the process has had, in MB.</summary>
    public static double PeakResidentMegabytes(int processId) =>
        File.ReadLines($"/proc/{processId}/status")
            .Where(line => line.StartsWith("VmHWM:"))
            .Select(line => double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024)
            .Single();
}
