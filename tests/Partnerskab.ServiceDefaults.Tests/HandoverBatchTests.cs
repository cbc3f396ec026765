using System.Text;
using System.Text.Json;
using Partnerskab.Contracts;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Messaging.Inbox;

namespace Partnerskab.ServiceDefaults.Tests;

/// <summary>Handovers announced in batches: the event's size, the single event of before as a batch, and a consumer's transactions.</summary>
public sealed class HandoverBatchTests
{
    [Fact]
    public void A_batch_of_the_most_citizens_an_event_carries_stays_far_below_the_brokers_message_limit()
    {
        var batch = new CitizensHandedOver
        {
            PartnershipId = Guid.NewGuid(),
            Citizens = [.. Enumerable.Range(0, CitizensHandedOver.MaxCitizens).Select(n => new HandedOverCitizen
            {
                CitizenId = new Pseudonym($"{n:x32}"), HandoverDate = new DateOnly(2024, 2, 29),
                FollowUpStart = new DateOnly(2024, 2, 29), FollowUpEnd = new DateOnly(2026, 2, 28),
            })],
        };

        var body = JsonSerializer.Serialize(batch, JsonSerializerOptions.Web);

        Encoding.UTF8.GetByteCount(body).ShouldBeLessThan(150 * 1024, "RabbitMQ 4 refuses messages over 16 MiB by default");
        JsonSerializer.Deserialize<CitizensHandedOver>(body, JsonSerializerOptions.Web)!.Citizens.ShouldBe(batch.Citizens);
    }

    [Fact]
    public void A_single_handover_event_is_a_batch_of_its_one_citizen()
    {
        var single = new CitizenHandedOver
        {
            PartnershipId = Guid.NewGuid(), CitizenId = new Pseudonym(new string('a', 32)),
            HandoverDate = new DateOnly(2023, 4, 3), FollowUpStart = new DateOnly(2023, 4, 4), FollowUpEnd = new DateOnly(2025, 4, 4),
        };

        var batch = single.AsBatch();

        batch.PartnershipId.ShouldBe(single.PartnershipId);
        var citizen = batch.Citizens.ShouldHaveSingleItem();
        (citizen.CitizenId, citizen.HandoverDate, citizen.FollowUpStart, citizen.FollowUpEnd)
            .ShouldBe((single.CitizenId, single.HandoverDate, single.FollowUpStart, single.FollowUpEnd));
    }

    [Theory]
    [InlineData(new[] { 1, 1, 1 }, new[] { 3 })]
    [InlineData(new[] { 1000, 1000, 1 }, new[] { 1, 1, 1 })]
    [InlineData(new[] { 600, 300, 100, 1, 999 }, new[] { 3, 2 })]
    [InlineData(new[] { 1500, 2, 3 }, new[] { 1, 2 })]
    [InlineData(new[] { 1, 1500 }, new[] { 1, 1 })]
    [InlineData(new int[0], new int[0])]
    public void A_consumers_batch_goes_in_transactions_of_at_most_a_thousand_items_in_arrival_order(int[] itemsPerMessage, int[] messagesPerTransaction)
    {
        var messages = itemsPerMessage.Select((items, index) => (Index: index, Items: items)).ToList();

        var transactions = InboxTransactions.Group(messages, m => m.Items).ToList();

        transactions.Select(t => t.Count).ShouldBe(messagesPerTransaction);
        transactions.SelectMany(t => t).ShouldBe(messages, "every message once, in the order it came");
        transactions.Where(t => t.Count > 1).ShouldAllBe(t => t.Sum(m => m.Items) <= 1000);
    }
}
