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

    private CpuUse(IReadOnlyList<(string Name, Func<long> Ticks)> processes)
    {
        this.processes = processes;
        before = processes.Select(p => p.Ticks()).ToArray();
    }

    /// <summary>From now on; <paramref name="also"/> is a process beside the three services (the gateway, the portal).</summary>
    public static async Task<CpuUse> StartAsync(LocalSuite suite, ServiceProcess? also = null)
    {
        var postmaster = await PostmasterAsync(TestEnvironment.PostgresConnectionString);
        var harness = Environment.ProcessId;
        return new CpuUse([
            .. suite.Services.Append(also).OfType<ServiceProcess>().Select(s => (s.Name, (Func<long>)(() => Ticks(s.ProcessId, withEndedChildren: false)))),
            ("PostgreSQL", () => Ticks(postmaster, withEndedChildren: true) + ChildrenOf(postmaster).Sum(pid => Ticks(pid, withEndedChildren: false))),
            ("harness", () => Ticks(harness, withEndedChildren: false)),
        ]);
    }

    /// <summary>
    /// Waits until the three services together use less than a twentieth of a core over a
    /// second (their JIT's background tiering, above all, has caught up), for at most a minute.
    /// </summary>
    public static async Task WaitUntilServicesAreQuietAsync(LocalSuite suite)
    {
        long ServiceTicks() => suite.Services.Sum(s => Ticks(s.ProcessId, withEndedChildren: false));
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        var before = ServiceTicks();
        while (DateTime.UtcNow < until)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = ServiceTicks();
            if (now - before < TicksPerSecond / 20) return;
            before = now;
        }
    }

    /// <summary>"cohort 12.3 s, outcome ..." of CPU over the wall time since the start.</summary>
    public string Stop()
    {
        var seconds = wall.Elapsed.TotalSeconds;
        var used = processes.Select((p, i) => $"{p.Name} {(p.Ticks() - before[i]) / TicksPerSecond:N1} s").ToList();
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
