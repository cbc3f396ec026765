using System.Collections.Concurrent;
using System.Diagnostics;

namespace Partnerskab.Testing;

/// <summary>One real service process (dotnet Partnerskab.X.dll) on its own ports.</summary>
/// <remarks>Its output is kept in memory for assertions and written to a log file for diagnosis.</remarks>
public sealed class ServiceProcess(
    string name, string dllPath, IReadOnlyDictionary<string, string> environment, int grpcPort, int httpPort, string logFile)
    : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly ConcurrentQueue<string> output = new();
    private readonly StreamWriter log = new(logFile, append: true) { AutoFlush = true };
    private Process? process;

    public string Name { get; } = name;
    public Uri GrpcUrl { get; } = new($"http://127.0.0.1:{grpcPort}");
    public Uri HttpUrl { get; } = new($"http://127.0.0.1:{httpPort}");

    /// <summary>How long a start may take until the process is ready.</summary>
    public TimeSpan StartPatience { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>The operating system's id of the running process.</summary>
    public int ProcessId => process?.Id ?? throw new InvalidOperationException($"{Name} is not started.");

    public bool IsRunning => process is { HasExited: false };

    /// <summary>Everything the process wrote to stdout and stderr (the most recent lines).</summary>
    public IReadOnlyCollection<string> Output => output;

    public async Task StartAsync()
    {
        Launch();
        await WaitUntilReadyAsync(StartPatience);
    }

    /// <summary>Runs the program to its end (a one-off mode such as migrations only); returns its exit code.</summary>
    public async Task<int> RunToExitAsync(TimeSpan patience)
    {
        Launch();
        using var timeout = new CancellationTokenSource(patience);
        await process!.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    private void Launch()
    {
        var start = new ProcessStartInfo("dotnet", [dllPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dllPath)!,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["Service__GrpcPort"] = GrpcUrl.Port.ToString();
        start.Environment["Service__HttpPort"] = HttpUrl.Port.ToString();

        process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start.");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything.</summary>
    public async Task KillAsync()
    {
        if (process is not { HasExited: false }) return;
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as an orchestrator stops a service; returns the exit code once the process has ended.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", process!.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    public string OutputTail(int lines = 40) => string.Join('\n', output.TakeLast(lines));

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (log) log.WriteLine(line);
        output.Enqueue(line);
        while (output.Count > 20_000) output.TryDequeue(out _);
    }

    private async Task WaitUntilReadyAsync(TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < until)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode} while starting:\n{OutputTail()}");
            }
            try
            {
                using var response = await Http.GetAsync(new Uri(HttpUrl, "/health/ready"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            // Often enough that the benchmark's time to ready is exact to a few tens of milliseconds.
            await Task.Delay(25);
        }
        throw new TimeoutException($"{Name} was not ready within {patience}:\n{OutputTail()}");
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process?.Dispose();
        await log.DisposeAsync();
    }
}
