using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Partnerskab.Testing;

/// <summary>
/// What tests/run.sh provides: a throwaway PostgreSQL and RabbitMQ. A test run without them
/// fails loudly instead of skipping.
/// </summary>
public static class TestEnvironment
{
    public static string PostgresConnectionString => Required("PARTNERSKAB_TEST_POSTGRES");

    public static ushort RabbitMqPort => ushort.Parse(Required("PARTNERSKAB_TEST_RABBITMQ_PORT"));

    /// <summary>The RabbitMQ node's directory, for rabbitmq_throwaway_ctl (deploy/lib/infra.sh).</summary>
    public static string RabbitMqDirectory => Required("PARTNERSKAB_TEST_RABBITMQ_DIR");

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Where the service processes' logs go: PARTNERSKAB_TEST_LOGS, or a folder under the system temp.</summary>
    public static string LogDirectory { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("PARTNERSKAB_TEST_LOGS") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Path.GetTempPath(), "partnerskab-e2e-logs")).FullName;

    /// <summary>The build configuration these tests were built in; the services were built in the same one.</summary>
    public static string Configuration { get; } =
        typeof(TestEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

    /// <summary>
    /// A service's program: from PARTNERSKAB_PUBLISHED_SERVICES when set (a folder per project, as
    /// tests/bench.sh publishes them, ReadyToRun as the images are), else from its build output.
    /// </summary>
    public static string ServiceDll(string folder, string project) =>
        Environment.GetEnvironmentVariable("PARTNERSKAB_PUBLISHED_SERVICES") is { Length: > 0 } published
            ? Path.Combine(published, project, $"{project}.dll")
            : Path.Combine(RepositoryRoot, "services", folder, project, "bin", Configuration, "net10.0", $"{project}.dll");

    /// <summary>
    /// A port free on the loopback, below the kernel's ephemeral range (32768 and up on Linux), and
    /// not handed out before by this process. A port the kernel picks for bind(0) comes from that
    /// range, so between this call and the service's bind an outgoing connection of a process
    /// starting beside it (to PostgreSQL, RabbitMQ, another service) could take it as its own.
    /// </summary>
    public static int FreePort()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = Random.Shared.Next(LowestPort, EphemeralPortsStart);
            lock (HandedOut)
            {
                if (!HandedOut.Add(port)) continue;
            }
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException) when (attempt < 1000)
            {
            }
        }
    }

    private const int LowestPort = 10_000;
    private const int EphemeralPortsStart = 32_768;
    private static readonly HashSet<int> HandedOut = [];

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests through tests/run.sh, which starts PostgreSQL and RabbitMQ.");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Partnerskab.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Partnerskab.sln not found above " + AppContext.BaseDirectory);
    }
}
