using Partnerskab.Contracts;
using Partnerskab.FaultTests.Infrastructure;
using Partnerskab.Operations;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing;
using Partnerskab.Testing.Load;
using Shouldly;

namespace Partnerskab.FaultTests;

/// <summary>
/// The consumer queues are durable classic queues on the single local broker, and quorum queues with
/// <c>RabbitMq__QueueType=Quorum</c>, as a cluster would have them; the suite works the same on either.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class QueueTypeTests(FaultSuite faults)
{
    [Fact]
    public Task Consumer_queues_are_durable_classic_queues_by_default() => ConsumerQueuesShouldBeAsync("/", "classic");

    [Fact]
    public async Task With_quorum_queues_configured_the_consumer_queues_are_quorum_queues_and_carry_the_events()
    {
        const string virtualHost = "partnerskab-quorum";
        await faults.Infrastructure.AddVirtualHostAsync(virtualHost);
        await using var suite = await LocalSuite.StartAsync("quorum", new Dictionary<string, string>
        {
            ["RabbitMq__VirtualHost"] = virtualHost,
            ["RabbitMq__QueueType"] = "Quorum",
        }, faults.Infrastructure.Servers);

        await ConsumerQueuesShouldBeAsync(virtualHost, "quorum");

        var driver = new LoadDriver(suite.Clients, new LoadOptions(Rounds: 1, CitizensPerRound: 2, CallsPerSecond: 20), patience: TimeSpan.FromMinutes(2));
        await driver.PrepareAsync($"quorum-{Guid.NewGuid():N}");
        var report = await driver.RunAsync();
        report.MilestonesReached.ShouldBe(2);
        var until = DateTime.UtcNow.AddSeconds(60);
        int items;
        do
        {
            await Task.Delay(500);
            items = (await suite.Clients.Payment.GetWholeLedgerAsync(new() { PartnershipId = driver.PartnershipId }, deadline: SuiteClients.Deadline())).Items.Count;
        }
        while (items < 5 && DateTime.UtcNow < until);
        items.ShouldBe(5, "two handover fees, two milestones and the credit of the revoked one, through quorum queues");
    }

    private async Task ConsumerQueuesShouldBeAsync(string virtualHost, string type)
    {
        var queues = await faults.Infrastructure.QueueKindsAsync(virtualHost);
        foreach (var queue in ConsumerQueues.All)
        {
            queues.GetValueOrDefault(queue).ShouldBe((type, true), $"{queue} in {string.Join(", ", queues.Keys)}");
        }
    }
}
