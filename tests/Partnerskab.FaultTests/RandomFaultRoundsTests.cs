using System.Globalization;
using Partnerskab.FaultTests.Infrastructure;
using Partnerskab.Testing.Invariants;
using Partnerskab.Testing.Load;
using Shouldly;
using Xunit.Abstractions;

namespace Partnerskab.FaultTests;

/// <summary>
/// Rounds of load on the scaled-out suite (two instances of each service, a RabbitMQ cluster of three nodes with quorum
/// queues, a PostgreSQL primary with a synchronous standby), each with one fault of a random kind at a random moment, from a recorded seed so that a failing run can be
/// replayed. CI runs one round; tests/faults.sh --long runs many (PARTNERSKAB_FAULT_ROUNDS, PARTNERSKAB_FAULT_SEED) and
/// has the summary written to PARTNERSKAB_FAULT_SUMMARY.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class RandomFaultRoundsTests(FaultSuite faults, ITestOutputHelper output)
{
    private static readonly LoadOptions RoundLoad = new(Rounds: 2, CitizensPerRound: 3, CallsPerSecond: 8);

    private static readonly string[] Kinds =
        ["SIGKILL cohort", "SIGKILL outcome", "SIGKILL payment", "RabbitMQ node killed", "PostgreSQL stopped", "PostgreSQL failed over"];

    [Fact]
    public async Task Random_faults_under_load_break_no_invariant()
    {
        var rounds = int.Parse(Environment.GetEnvironmentVariable("PARTNERSKAB_FAULT_ROUNDS") ?? "1", CultureInfo.InvariantCulture);
        var seed = Environment.GetEnvironmentVariable("PARTNERSKAB_FAULT_SEED") is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        output.WriteLine($"seed {seed}, {rounds} round(s)");
        var suite = await faults.ReplicasAsync();
        var random = new Random(seed);
        var faultsPerKind = Kinds.ToDictionary(k => k, _ => 0);
        var log = new List<string>();
        var violations = new List<Violation>();
        var started = DateTime.UtcNow;
        for (var round = 1; round <= rounds; round++)
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            var after = TimeSpan.FromMilliseconds(random.Next(500, 4000));
            var outage = TimeSpan.FromMilliseconds(random.Next(1000, 5000));
            // Which instance or node the fault takes: any of them, the load's own entry point too.
            var target = random.Next(1, 4);
            var driver = new LoadDriver(suite.Clients, RoundLoad, patience: TimeSpan.FromMinutes(4));
            await driver.PrepareAsync($"round{round}-{Guid.NewGuid():N}");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var load = driver.RunAsync();
            var (fault, stop, start) = Fault(suite, kind, target);
            await FaultSuite.OutageAsync(stop, start, after, outage);
            var report = await load;
            var took = clock.Elapsed;
            faultsPerKind[kind]++;
            var found = await FaultSuite.SettleAndCheckAsync(suite, faults.Cluster);
            violations.AddRange(found);
            var line = $"| {round} | {fault} | {after.TotalSeconds:0.0} s | {outage.TotalSeconds:0.0} s | {report.HandedOver} | {took.TotalSeconds:0.0} s | {report.Retries} | {found.Count} |";
            log.Add(line);
            output.WriteLine(line);
        }

        var summary = await SummaryAsync(suite, seed, rounds, faultsPerKind, log, violations, DateTime.UtcNow - started);
        output.WriteLine(summary);
        if (Environment.GetEnvironmentVariable("PARTNERSKAB_FAULT_SUMMARY") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, summary);
        }
        violations.ShouldBeEmpty(string.Join('\n', violations));
    }

    /// <summary>The fault of a kind: what it is called in the summary, and how it starts and ends.</summary>
    private (string Name, Func<Task> Stop, Func<Task> Start) Fault(LocalSuite suite, string kind, int target)
    {
        switch (kind)
        {
            case "RabbitMQ node killed":
                return ($"RabbitMQ node {target} of 3 killed", () => faults.Cluster.KillNodeAsync(target), () => faults.Cluster.RestartNodeAsync(target));
            case "PostgreSQL stopped":
                return ("PostgreSQL primary stopped and started again", faults.Database.StopPrimaryAsync, faults.Database.StartPrimaryAsync);
            case "PostgreSQL failed over":
                // Brought back: the standby promoted, then the old primary made its standby while the load goes on.
                return ("PostgreSQL primary killed, standby promoted", faults.Database.KillPrimaryAsync, async () =>
                {
                    await faults.Database.PromoteStandbyAsync();
                    await faults.Database.RebuildStandbyAsync();
                });
            default:
                var instances = suite.Services.Where(s => kind.EndsWith(s.Name, StringComparison.Ordinal)).ToList();
                var instance = (target - 1) % instances.Count;
                return ($"{kind} instance {instance + 1} of {instances.Count}", instances[instance].KillAsync, instances[instance].StartAsync);
        }
    }

    private async Task<string> SummaryAsync(LocalSuite suite, int seed, int rounds, Dictionary<string, int> faultsPerKind, List<string> log,
        List<Violation> violations, TimeSpan took)
    {
        long sent = 0;
        foreach (var service in new[] { "cohort", "outcome", "payment" })
        {
            sent += (long)(await FaultSuite.SqlAsync(suite, service, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL"))!;
        }
        var items = (long)(await FaultSuite.SqlAsync(suite, "payment", "SELECT count(*) FROM ledger_items"))!;
        var milestones = (long)(await FaultSuite.SqlAsync(suite, "outcome", "SELECT count(*) FROM milestones"))!;
        var citizens = (long)(await FaultSuite.SqlAsync(suite, "cohort", "SELECT count(*) FROM citizens"))!;
        var revoked = (long)(await FaultSuite.SqlAsync(suite, "outcome", "SELECT count(*) FROM milestones WHERE revoked_at IS NOT NULL"))!;
        var documents = (long)(await FaultSuite.SqlAsync(suite, "payment", "SELECT count(*) FROM invoices"))!;
        return $"""
            # Fault-injection run

            Written by `tests/faults.sh --long` (test `{nameof(RandomFaultRoundsTests)}`). Replay with `tests/faults.sh --long --rounds {rounds} --seed {seed}`.

            | figure | value |
            | --- | --- |
            | finished (UTC) | {DateTime.UtcNow:yyyy-MM-dd HH:mm} |
            | seed | {seed} |
            | suite | {suite.Cohorts.Count} instances of each service, a RabbitMQ cluster of {faults.Cluster.Ports.Count} nodes with quorum queues, a PostgreSQL primary with a synchronous standby |
            | rounds | {rounds} |
            | load per round | {RoundLoad.Rounds * RoundLoad.CitizensPerRound} citizens handed over, reported on, claimed for and verified, {RoundLoad.Rounds} claims revoked, {RoundLoad.Rounds} monthly invoice runs, at most {RoundLoad.CallsPerSecond} calls/s |
            {string.Join('\n', faultsPerKind.Select(f => $"| faults: {f.Key} | {f.Value} |"))}
            | citizens handed over (whole suite) | {citizens} |
            | milestones achieved (whole suite) | {milestones} |
            | milestones revoked (whole suite) | {revoked} |
            | invoices and credit notes issued (whole suite) | {documents} |
            | ledger items (whole suite) | {items} |
            | messages published through the outboxes | {sent} |
            | violations | {violations.Count} |
            | duration | {took.TotalMinutes:0.0} min |

            Counts are of the whole suite at the end of the run, which includes the other fault tests' data when they ran in the same suite.

            | round | fault | after | outage | citizens | load took | client retries | violations |
            | --- | --- | --- | --- | --- | --- | --- | --- |
            {string.Join('\n', log)}

            {(violations.Count == 0 ? "No violation." : string.Join('\n', violations.Select(v => $"- {v}")))}

            """;
    }
}
