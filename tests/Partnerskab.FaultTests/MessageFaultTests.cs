using Partnerskab.Contracts;
using Partnerskab.FaultTests.Infrastructure;
using Partnerskab.Operations;
using Partnerskab.Testing.Load;
using Shouldly;

namespace Partnerskab.FaultTests;

/// <summary>Messages that cannot be handled yet, and messages that come twice and out of order.</summary>
[Collection(FaultCollection.Name)]
public sealed class MessageFaultTests(FaultSuite faults)
{
    private const string HandoverFeeQueue = ConsumerQueues.EarnHandoverFee;

    [Fact]
    public async Task A_poison_message_is_retried_parked_reported_and_replayed_once_fixed_without_doubling()
    {
        var driver = await faults.LoadAsync("poison", new LoadOptions(Rounds: 1, CitizensPerRound: 1, CallsPerSecond: 8));
        // The fault: the payment database refuses this partnership's handover fee, so its
        // consumer throws on exactly that message; a sequence (not rolled back) counts the attempts.
        // Test-only, and outside the services' code.
        await faults.SqlAsync("payment", $"""
            CREATE SEQUENCE fault_test_poison_attempts;
            CREATE FUNCTION fault_test_poison() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM nextval('fault_test_poison_attempts');
                RAISE EXCEPTION 'fault test refuses handover fees of partnership %', NEW.partnership_id;
            END $$;
            CREATE TRIGGER fault_test_poison BEFORE INSERT ON ledger_items FOR EACH ROW
                WHEN (NEW.partnership_id = '{driver.PartnershipId}' AND NEW.kind = 1) EXECUTE FUNCTION fault_test_poison();
            """);
        // Fixing and replaying happen even when an assertion fails, so later scenarios find no parked message.
        var replay = (ExitCode: -1, Output: "");
        try
        {
            await driver.RunAsync();
            var (listed, report) = await ParkedAsync();
            listed.ShouldBe(1, report);
            report.ShouldContain("CitizensHandedOver");
            report.ShouldContain($"fault test refuses handover fees of partnership {driver.PartnershipId}", customMessage: report);
            (await faults.SqlAsync("payment", "SELECT last_value FROM fault_test_poison_attempts")).ShouldBe(4L, "one attempt and three in-memory retries, then parked");

            var violations = await faults.SettleAndCheckAsync();
            violations.Select(v => v.Invariant).Order().ToList().ShouldBe(
                ["handed-over citizen without exactly one handover fee", "unexplained message in an error queue"], string.Join('\n', violations));
        }
        finally
        {
            await faults.SqlAsync("payment", """
                DROP TRIGGER IF EXISTS fault_test_poison ON ledger_items;
                DROP FUNCTION IF EXISTS fault_test_poison();
                DROP SEQUENCE IF EXISTS fault_test_poison_attempts;
                """);
            replay = await faults.CliAsync("ops", "errors", "replay", "--queue", HandoverFeeQueue);
        }

        replay.ShouldBe((0, $"replayed 1 message(s) from {HandoverFeeQueue}_error to {HandoverFeeQueue}\n"));
        (await faults.SettleAndCheckAsync()).ShouldBeEmpty();
        (await faults.CliAsync("ops", "errors", "replay", "--queue", HandoverFeeQueue))
            .ShouldBe((0, $"replayed 0 message(s) from {HandoverFeeQueue}_error to {HandoverFeeQueue}\n"));
        (await faults.CliAsync("ops", "errors", "list")).ShouldBe((0, "0 parked message(s)\n"));

        var (milestones, ledger) = await faults.OutcomesAsync(driver.PartnershipId);
        milestones.Count.ShouldBe(1);
        ledger.Count.ShouldBe(2, "the handover fee, booked once on replay, and the milestone");
    }

    [Fact]
    public async Task Every_event_published_again_newest_first_changes_nothing()
    {
        const int citizens = 4;
        var driver = await faults.LoadAsync("duplicates", new LoadOptions(Rounds: 1, CitizensPerRound: citizens, CallsPerSecond: 8));
        await driver.RunAsync();
        (await faults.SettleAndCheckAsync()).ShouldBeEmpty();
        var before = await faults.OutcomesAsync(driver.PartnershipId);
        var skippedBefore = SkippedDuplicates();

        // The owners' relays send every event about the partnership a second time, with its
        // message id, newest first: handovers before the registration, later milestones first.
        var resent = await ResendNewestFirstAsync("cohort", driver.PartnershipId) + await ResendNewestFirstAsync("outcome", driver.PartnershipId);
        resent.ShouldBe(1 + citizens + citizens + 1, "the registration, the handovers, the milestones and the one revocation");

        (await faults.SettleAndCheckAsync()).ShouldBeEmpty();
        var after = await faults.OutcomesAsync(driver.PartnershipId);
        after.Milestones.Count.ShouldBe(before.Milestones.Count);
        after.Ledger.Select(i => (i.CauseKey, i.AmountOre)).ShouldBe(before.Ledger.Select(i => (i.CauseKey, i.AmountOre)), ignoreOrder: true);
        // Payment consumes the registration, every handover, every milestone and the revocation; outcome every handover.
        (SkippedDuplicates() - skippedBefore).ShouldBe(1 + citizens + citizens + 1 + citizens);
    }

    [Fact]
    public async Task The_ops_command_knows_every_consumer_queue_of_the_suite()
    {
        var queues = await faults.Infrastructure.QueuesAsync();
        var consumerQueues = queues.Keys.Where(q => (q.StartsWith("outcome-") || q.StartsWith("payment-") || q.StartsWith("cohort-"))
            && !q.EndsWith("_error") && !q.EndsWith("_skipped"));

        consumerQueues.ShouldBe(ConsumerQueues.All, ignoreOrder: true);
    }

    /// <summary>What `partnerskab ops errors list` reports once a message is parked (or after a minute).</summary>
    private async Task<(int Count, string Report)> ParkedAsync()
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var (exitCode, report) = await faults.CliAsync("ops", "errors", "list");
            var count = int.Parse(report.Split(' ')[0]);
            if (exitCode == 1 || DateTime.UtcNow > until) return (count, report);
            exitCode.ShouldBe(0, report);
            await Task.Delay(500);
        }
    }

    private async Task<long> ResendNewestFirstAsync(string owner, string partnershipId) =>
        (long)(await faults.SqlAsync(owner, $"""
            WITH resent AS (
                UPDATE outbox_messages o SET sent_at = NULL, next_attempt_at = now() + r.rank * interval '300 milliseconds'
                FROM (SELECT sequence, row_number() OVER (ORDER BY sequence DESC) AS rank
                      FROM outbox_messages WHERE body::text LIKE '%{partnershipId}%') r
                WHERE o.sequence = r.sequence
                RETURNING 1)
            SELECT count(*) FROM resent
            """))!;

    private int SkippedDuplicates() =>
        faults.Suite.Services.Sum(s => s.Output.Count(line => line.Contains("skipping the duplicate", StringComparison.Ordinal)));
}
