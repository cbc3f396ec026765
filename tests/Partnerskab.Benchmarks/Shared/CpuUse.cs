using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Partnerskab.Testing;

namespace Partnerskab.Benchmarks;

/// <summary>
/// The CPU time each process of the suite used while a row ran (user + system, from
/// /proc/PID/stat), so the table says where the two cores went: the three services, PostgreSQL
/// (its postmaster, live backends and the backends that ended) and this harness. What is left
/// of 2 x the wall time went to RabbitMQ, the kernel and anything else on the machine.
/// </summary>
public sealed class CpuUse
{
    // Linux reports process times in clock ticks of 1/100 s (USER_HZ) on x86-64 and arm64.
    private const double TicksPerSecond = 100;

    private readonly IReadOnlyList<(string Name, Func<long> Ticks)> processes;
    private readonly long[] before;
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private long[]? paused;

    private CpuUse(IReadOnlyList<(string Name, Func<long> Ticks)> processes)
    {
        this.processes = processes;
        before = processes.Select(p => p.Ticks()).ToArray();
    }

    /// <param name="alsoProcesses">Processes in front of the suite that the row runs through (the gateway).</param>
    public static async Task<CpuUse> StartAsync(LocalSuite suite, params IReadOnlyList<ServiceProcess> alsoProcesses)
    {
        var postmaster = await PostmasterAsync(TestEnvironment.PostgresConnectionString);
        var harness = Environment.ProcessId;
        return new CpuUse([
            .. suite.Services.Concat(alsoProcesses).Select(s => (s.Name, (Func<long>)(() => Ticks(s.ProcessId, withEndedChildren: false)))),
            ("PostgreSQL", () => PostgresTicks(postmaster)),
            ("harness", () => Ticks(harness, withEndedChildren: false)),
        ]);
    }

    /// <summary>
    /// Waits until the three services and PostgreSQL together use less than a twentieth of a core
    /// over a second (the services' JIT background tiering, PostgreSQL's autovacuum after a large
    /// write), for at most a minute.
    /// </summary>
    public static async Task WaitUntilQuietAsync(LocalSuite suite)
    {
        var postmaster = await PostmasterAsync(TestEnvironment.PostgresConnectionString);
        long QuietTicks() => suite.Services.Sum(s => Ticks(s.ProcessId, withEndedChildren: false)) + PostgresTicks(postmaster);
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        var before = QuietTicks();
        while (DateTime.UtcNow < until)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = QuietTicks();
            if (now - before < TicksPerSecond / 20) return;
            before = now;
        }
    }

    /// <summary>Stops counting (a row measured in parts) until <see cref="Resume"/>; <see cref="Stop"/> while paused counts up to here.</summary>
    public void Pause()
    {
        wall.Stop();
        paused = processes.Select(p => p.Ticks()).ToArray();
    }

    public void Resume()
    {
        var resumed = processes.Select(p => p.Ticks()).ToArray();
        for (var i = 0; i < before.Length; i++) before[i] += resumed[i] - paused![i];
        paused = null;
        wall.Start();
    }

    /// <summary>"cohort 12.3 s, outcome ..." of CPU over the wall time since the start.</summary>
    public string Stop()
    {
        var seconds = wall.Elapsed.TotalSeconds;
        var used = processes.Select((p, i) => $"{p.Name} {((paused?[i] ?? p.Ticks()) - before[i]) / TicksPerSecond:N1} s").ToList();
        return string.Create(CultureInfo.InvariantCulture, $"CPU used over {seconds:N1} s of wall time ({2 * seconds:N1} core-seconds on 2 cores): {string.Join(", ", used)}");
    }

    private static async Task<int> PostmasterAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW data_directory", connection);
        var dataDirectory = (string)(await command.ExecuteScalarAsync())!;
        return int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
    }

    /// <summary>The postmaster's, its live backends' and its ended backends' CPU.</summary>
    private static long PostgresTicks(int postmaster) =>
        Ticks(postmaster, withEndedChildren: true) + ChildrenOf(postmaster).Sum(pid => Ticks(pid, withEndedChildren: false));

    private static IEnumerable<int> ChildrenOf(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid => Stat(pid) is { } fields && fields[1] == parent.ToString(CultureInfo.InvariantCulture));

    private static long Ticks(int pid, bool withEndedChildren)
    {
        if (Stat(pid) is not { } fields) return 0;
        // After "pid (comm)": state is field 3, so ppid is [1], utime [11], stime [12], cutime [13], cstime [14].
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return withEndedChildren ? ticks + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture) : ticks;
    }

    /// <summary>The fields of /proc/PID/stat after the command name, or null when the process is gone.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var line = File.ReadAllText($"/proc/{pid}/stat");
            return line[(line.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }
}
