using System.Diagnostics;

namespace Partnerskab.Testing;

/// <summary>The shell functions of deploy/lib/infra.sh (throwaway PostgreSQL and RabbitMQ), run from a test.</summary>
public static class InfraScript
{
    /// <summary>Runs bash commands with deploy/lib/infra.sh sourced and $1 set to the directory.</summary>
    public static async Task RunAsync(string commands, string directory)
    {
        var script = $"""
            set -euo pipefail
            source "{Path.Combine(TestEnvironment.RepositoryRoot, "deploy", "lib", "infra.sh")}"
            {commands}
            """;
        // Output is not redirected: daemons started here would hold a pipe open for good.
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-c", script, "infra", directory]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("bash did not start");
        await bash.WaitForExitAsync();
        if (bash.ExitCode != 0) throw new InvalidOperationException($"infra.sh failed ({bash.ExitCode}): {commands}");
    }
}
