using System.Globalization;
using Partnerskab.FaultTests.Infrastructure;
using Partnerskab.Testing.Invariants;
using Partnerskab.Testing.Load;
using Shouldly;
using Xunit.Abstractions;

namespace Partnerskab.FaultTests;

/// <summary>
/// Rounds of load, each with one fault of a random kind at a random moment, from a recorded seed
/// so that a failing run can be replayed. CI runs one round; tests/faults.sh --long runs many
/// (PARTNERSKAB_FAULT_ROUNDS, PARTNERSKAB_FAULT_SEED) and has the summary written to
/// PARTNERSKAB_FAULT_SUMMARY.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class RandomFaultRoundsTests(FaultSuite faults, ITestOutputHelper output)
{
    private static readonly LoadOptions RoundLoad = new(Rounds: 2, CitizensPerRound: 3, CallsPerSecond: 8);

    private static readonly string[] Kinds = ["SIGKILL cohort", "SIGKILL outcome", "SIGKILL payment", "RabbitMQ stopped", "PostgreSQL stopped"];

    [Fact]
    public async Task Random_faults_under_load_break_no_invariant()
    {
        var rounds = int.Parse(Environment.GetEnvironmentVariable("PARTNERSKAB_FAULT_ROUNDS") ?? "1", CultureInfo.InvariantCulture);
        var seed = Environment.GetEnvironmentVariable("PARTNERSKAB_FAULT_SEED") is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        output.WriteLine($"seed {seed}, {rounds} round(s)");
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
            var driver = await faults.LoadAsync($"round{round}", RoundLoad);
            var load = driver.RunAsync();
            await InjectAsync(kind, after, outage);
            var report = await load;
            faultsPerKind[kind]++;
            var found = await faults.SettleAndCheckAsync();
            violations.AddRange(found);
            var line = $"| {round} | {kind} | {after.TotalSeconds:0.0} s | {outage.TotalSeconds:0.0} s | {report.HandedOver} | {report.Retries} | {found.Count} |";
            log.Add(line);
            output.WriteLine(line);
        }

        var summary = await SummaryAsync(seed, rounds, faultsPerKind, log, violations, DateTime.UtcNow - started);
        output.WriteLine(summary);
        if (Environment.GetEnvironmentVariable("PARTNERSKAB_FAULT_SUMMARY") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, summary);
        }
        violations.ShouldBeEmpty(string.Join('\n', violations));
    }

    private Task InjectAsync(string kind, TimeSpan after, TimeSpan outage)
    {
        Func<Task> stop, start;
        switch (kind)
        {
            case "RabbitMQ stopped":
                (stop, start) = (faults.Infrastructure.StopRabbitMqAsync, faults.Infrastructure.StartRabbitMqAsync);
                break;
            case "PostgreSQL stopped":
                (stop, start) = (faults.Infrastructure.StopPostgresAsync, faults.Infrastructure.StartPostgresAsync);
                break;
            default:
                var service = faults.Suite.Services.Single(s => kind.EndsWith(s.Name, StringComparison.Ordinal));
                (stop, start) = (service.KillAsync, service.StartAsync);
                break;
        }
        return FaultSuite.OutageAsync(stop, start, after, outage);
    }

    private async Task<string> SummaryAsync(int seed, int rounds, Dictionary<string, int> faultsPerKind, List<string> log,
        List<Violation> violations, TimeSpan took)
    {
        long sent = 0;
        foreach (var service in new[] { "cohort", "outcome", "payment" })
        {
            sent += (long)(await faults.SqlAsync(service, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL"))!;
        }
        var items = (long)(await faults.SqlAsync("payment", "SELECT count(*) FROM ledger_items"))!;
        var milestones = (long)(await faults.SqlAsync("outcome", "SELECT count(*) FROM milestones"))!;
        var citizens = (long)(await faults.SqlAsync("cohort", "SELECT count(*) FROM citizens"))!;
        var revoked = (long)(await faults.SqlAsync("outcome", "SELECT count(*) FROM milestones WHERE revoked_at IS NOT NULL"))!;
        var documents = (long)(await faults.SqlAsync("payment", "SELECT count(*) FROM invoices"))!;
        return $"""
            # Fault-injection run

            Written by `tests/faults.sh --long` (test `{nameof(RandomFaultRoundsTests)}`). Replay with `tests/faults.sh --long --rounds {rounds} --seed {seed}`.

            | figure | value |
            | --- | --- |
            | finished (UTC) | {DateTime.UtcNow:yyyy-MM-dd HH:mm} |
            | seed | {seed} |
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

            | round | fault | after | outage | citizens | client retries | violations |
            | --- | --- | --- | --- | --- | --- | --- |
            {string.Join('\n', log)}

            {(violations.Count == 0 ? "No violation." : string.Join('\n', violations.Select(v => $"- {v}")))}

            """;
    }
}
