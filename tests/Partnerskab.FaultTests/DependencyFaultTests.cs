using System.Diagnostics;
using Grpc.Core;
using Partnerskab.FaultTests.Infrastructure;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing.Load;
using Shouldly;

namespace Partnerskab.FaultTests;

/// <summary>The outcome service asks the cohort service before it verifies a claim; here the cohort service is down, then slow.</summary>
[Collection(FaultCollection.Name)]
public sealed class DependencyFaultTests(FaultSuite faults)
{
    /// <summary>The outcome service's deadline on calls to the cohort service (Services__CohortDeadline, default 3 s), plus slack for a busy machine.</summary>
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task Verifying_while_cohort_is_down_or_slow_fails_fast_writes_nothing_and_a_retry_succeeds_once()
    {
        var driver = await faults.LoadAsync("cohort-down", new LoadOptions(Rounds: 1, CitizensPerRound: 1, CallsPerSecond: 8));
        var clients = faults.Clients;
        var citizenId = await driver.HandOverAsync(0);
        var claim = (await driver.ClaimJobStartAsync(citizenId, "DOWN-0")).Claim;
        var verify = new VerifyOutcomeClaimRequest { ClaimId = claim.ClaimId, VerifiedBy = "fault-test" };

        await faults.Suite.Cohort.KillAsync();
        await VerificationFailsFastAsync(verify, StatusCode.Unavailable, StatusCode.DeadlineExceeded);
        await faults.Suite.Cohort.StartAsync();

        // Slow: the cohort process is frozen (SIGSTOP), so it accepts connections but never answers.
        await Signal("STOP", faults.Suite.Cohort.ProcessId);
        try
        {
            // The outcome service's connection to the cohort process that was killed may also show as Unavailable.
            await VerificationFailsFastAsync(verify, StatusCode.DeadlineExceeded, StatusCode.Unavailable);
        }
        finally
        {
            await Signal("CONT", faults.Suite.Cohort.ProcessId);
        }

        var verified = await VerifyRetryingWhileUnavailableAsync(verify);
        verified.MilestonesReached.Count.ShouldBe(1);
        var again = await clients.Outcome.VerifyOutcomeClaimAsync(verify, deadline: SuiteClients.Deadline());
        again.MilestonesReached.ShouldBeEmpty("a retried verification reaches nothing a second time");

        (await faults.SettleAndCheckAsync()).ShouldBeEmpty();
        var (milestones, ledger) = await faults.OutcomesAsync(driver.PartnershipId);
        milestones.Count.ShouldBe(1);
        ledger.Count.ShouldBe(2);

        async Task VerificationFailsFastAsync(VerifyOutcomeClaimRequest request, params StatusCode[] expected)
        {
            var clock = Stopwatch.StartNew();
            var failure = await Should.ThrowAsync<RpcException>(() =>
                clients.Outcome.VerifyOutcomeClaimAsync(request, deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync);
            clock.Elapsed.ShouldBeLessThan(FailFast);
            expected.ShouldContain(failure.StatusCode);
            (await faults.SqlAsync("outcome", $"SELECT decided_at IS NULL FROM claims WHERE id = '{claim.ClaimId}'")).ShouldBe(true, "the claim is still undecided");
            (await faults.SqlAsync("outcome", $"SELECT count(*) FROM milestones WHERE partnership_id = '{driver.PartnershipId}' AND citizen_id = '{citizenId}'")).ShouldBe(0L);
        }
    }

    /// <summary>
    /// The caller's retry once the cohort service is back: the outcome service's channel to it may still be backing off
    /// from the killed process for a moment, and answers Unavailable meanwhile.
    /// </summary>
    private async Task<VerifyOutcomeClaimResponse> VerifyRetryingWhileUnavailableAsync(VerifyOutcomeClaimRequest request)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await faults.Clients.Outcome.VerifyOutcomeClaimAsync(request, deadline: SuiteClients.Deadline());
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && DateTime.UtcNow < until)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }

    private static async Task Signal(string signal, int processId)
    {
        using var kill = Process.Start("kill", [$"-{signal}", processId.ToString()]);
        await kill.WaitForExitAsync();
        kill.ExitCode.ShouldBe(0);
    }
}
