using Partnerskab.FaultTests.Infrastructure;
using Partnerskab.Testing.Load;
using Shouldly;
using Xunit.Abstractions;

namespace Partnerskab.FaultTests;

/// <summary>
/// Faults injected while a steady load runs through the public gRPC APIs; afterwards every
/// citizen, milestone and ledger item is where it belongs, once, and every invariant holds.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class FaultScenarioTests(FaultSuite faults, ITestOutputHelper output)
{
    /// <summary>The short form CI runs: 9 citizens, 3 rounds, at most 8 calls a second.</summary>
    private static readonly LoadOptions Load = new(Rounds: 3, CitizensPerRound: 3, CallsPerSecond: 8);

    [Fact]
    public async Task Killing_each_service_in_turn_mid_load_loses_and_doubles_nothing()
    {
        var (driver, report) = await UnderLoadAsync("sigkill", async () =>
        {
            foreach (var service in faults.Suite.Services)
            {
                await FaultSuite.OutageAsync(service.KillAsync, service.StartAsync, after: TimeSpan.FromSeconds(1), outage: TimeSpan.FromSeconds(1));
            }
        });

        await AssertEverythingArrivedOnceAsync(driver, report);
    }

    [Fact]
    public async Task Stopping_RabbitMQ_mid_load_makes_publishers_hold_and_retry_not_lose()
    {
        var (driver, report) = await UnderLoadAsync("rabbitmq", () => FaultSuite.OutageAsync(
            faults.Infrastructure.StopRabbitMqAsync, faults.Infrastructure.StartRabbitMqAsync, after: TimeSpan.FromSeconds(2), outage: TimeSpan.FromSeconds(4)));

        await AssertEverythingArrivedOnceAsync(driver, report);
    }

    [Fact]
    public async Task Stopping_PostgreSQL_mid_load_fails_calls_cleanly_and_loses_nothing()
    {
        var (driver, report) = await UnderLoadAsync("postgres", () => FaultSuite.OutageAsync(
            faults.Infrastructure.StopPostgresAsync, faults.Infrastructure.StartPostgresAsync, after: TimeSpan.FromSeconds(2), outage: TimeSpan.FromSeconds(3)));

        report.Retries.ShouldBeGreaterThan(0, "calls failed while the database was away, and were retried");
        await AssertEverythingArrivedOnceAsync(driver, report);
    }

    /// <summary>Runs the load and the fault side by side; both must finish.</summary>
    private async Task<(LoadDriver Driver, LoadReport Report)> UnderLoadAsync(string name, Func<Task> fault)
    {
        var driver = await faults.LoadAsync(name, Load);
        var load = driver.RunAsync();
        await fault();
        var report = await load;
        output.WriteLine($"{name}: {report}");
        return (driver, report);
    }

    /// <summary>
    /// Every citizen, milestone, revocation and ledger item arrived once, and once the rest is invoiced, the documents
    /// carry exactly what the ledger holds: invoices less credit notes equal the ledger's sum.
    /// </summary>
    private async Task AssertEverythingArrivedOnceAsync(LoadDriver driver, LoadReport report)
    {
        var citizens = Load.Rounds * Load.CitizensPerRound;
        var revoked = Load.Rounds;
        report.HandedOver.ShouldBe(citizens);
        report.ClaimsVerified.ShouldBe(citizens);
        report.ClaimsRevoked.ShouldBe(revoked);

        var violations = await faults.SettleAndCheckAsync();
        violations.ShouldBeEmpty(string.Join('\n', violations));

        var (milestones, ledger) = await faults.OutcomesAsync(driver.PartnershipId);
        milestones.Count.ShouldBe(citizens);
        milestones.Count(m => m.Revoked).ShouldBe(revoked);
        ledger.Count.ShouldBe(2 * citizens + revoked, "one handover fee and one milestone payment per citizen, one credit per revocation");
        var earned = (citizens * (Scenario.ThinSlice.HandoverFeeOre + Scenario.ThinSlice.JobStartPriceOre)) - (revoked * Scenario.ThinSlice.JobStartPriceOre);
        ledger.Sum(i => i.AmountOre).ShouldBe(earned);

        var rest = await driver.PreviewTheRestAsync();
        (await faults.SettleAndCheckAsync()).ShouldBeEmpty();
        var documents = (await faults.DocumentsAsync(driver.PartnershipId)).Concat(rest.Documents).ToList();
        var invoiced = documents.Sum(d => d.Kind == Protos.Payment.V1.DocumentKind.CreditNote ? -d.NetAmountOre : d.NetAmountOre);
        invoiced.ShouldBe(earned, "invoices less credit notes, with those the next run would issue, are what the ledger holds");
        output.WriteLine($"{citizens} citizens, {milestones.Count} milestones ({revoked} revoked), {ledger.Count} ledger items, " +
            $"{documents.Count} documents ({documents.Count(d => d.Kind == Protos.Payment.V1.DocumentKind.CreditNote)} credit notes, " +
            $"{report.DocumentsIssued} issued under load), 0 violations");
    }
}
