using Google.Protobuf.WellKnownTypes;
using NodaTime;
using Partnerskab.Contracts;
using Partnerskab.Contracts.Outcome;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Testing;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Payment.Tests.InProcess;

/// <summary>Milestones reach the ledger as the outcome service announces them: a transaction's milestones in one event, or, from before batches, one milestone an event.</summary>
[Collection(ClockedPaymentServiceCollection.Name)]
public sealed class MilestonePaymentTests(ClockedPaymentHost payment) : InProcessTests(payment.ResetAsync)
{
    [Fact]
    public async Task A_batch_earns_each_milestone_its_price_under_the_caps_at_the_moment_a_load_gives_and_nothing_twice()
    {
        payment.Today(2024, 3, 1);
        var partnershipId = await payment.PartnershipAsync(card => card.Caps = new Caps { PerCitizenOre = TestRateCards.CitizenCapOre });
        // Three citizens, the first with two milestones: the citizen's cap takes most of its second.
        var batch = new MilestonesAchieved
        {
            PartnershipId = partnershipId,
            Milestones =
            [
                Milestone(0, new DateOnly(2023, 6, 5)), Milestone(1, new DateOnly(2023, 7, 3)),
                Milestone(0, new DateOnly(2023, 9, 4)), Milestone(2, new DateOnly(2024, 1, 8)),
            ],
        };
        var messageId = Guid.NewGuid();
        var loadedAt = Instant.FromUtc(2024, 2, 1, 9, 0);

        await payment.PublishAsync(batch, messageId, loadedAt);
        var ledger = await payment.LedgerAsync(partnershipId, 4);

        ledger.Select(i => i.CauseKey).ShouldBe(batch.Milestones.Select(m => $"milestone:{m.MilestoneId}"), ignoreOrder: true);
        ledger.ShouldAllBe(i => i.Kind == LedgerItemKind.Milestone && i.Code == TestRateCards.JobStart && i.OriginalAmountOre == TestRateCards.JobStartOre);
        ledger.GroupBy(i => i.CitizenId).Select(c => (c.Key, c.Sum(i => i.AmountOre))).ShouldBe(
            [(Citizen(0), TestRateCards.CitizenCapOre), (Citizen(1), TestRateCards.JobStartOre), (Citizen(2), TestRateCards.JobStartOre)], ignoreOrder: true);
        ledger.Where(i => i.CappedBy != CapKind.Unspecified).ShouldHaveSingleItem().CappedBy.ShouldBe(CapKind.PerCitizen);
        ledger.ShouldAllBe(i => i.CauseMessageId == messageId.ToString() && i.RecordedAt == Timestamp.FromDateTimeOffset(loadedAt.ToDateTimeOffset()),
            "every milestone is booked from the one message, at the moment the load gave");

        // The same message again (a redelivery) and the same milestones in another event book nothing; a later milestone does.
        await payment.PublishAsync(batch, messageId);
        await payment.PublishAsync(batch with { Milestones = [.. batch.Milestones.Reverse()] });
        var later = Milestone(3, new DateOnly(2024, 2, 5));
        await payment.PublishAsync(new MilestonesAchieved { PartnershipId = partnershipId, Milestones = [later] });
        var after = await payment.LedgerAsync(partnershipId, 5);
        after.Count.ShouldBe(5);
        after.Where(i => i.CauseKey != $"milestone:{later.MilestoneId}").Select(i => (i.CauseKey, i.AmountOre))
            .ShouldBe(ledger.Select(i => (i.CauseKey, i.AmountOre)), ignoreOrder: true);
    }

    [Fact]
    public async Task A_single_milestone_event_from_before_batches_still_earns_its_price_and_one_handled_before_the_upgrade_is_recognised()
    {
        payment.Today(2023, 10, 5);
        var partnershipId = await payment.PartnershipAsync();
        // A message the consumer handled before the upgrade, under its name then, is redelivered after it.
        var handledBefore = Guid.NewGuid();
        await payment.HandledAsync(handledBefore, "EarnMilestonePayment");

        await payment.PublishAsync(Single(partnershipId, Milestone(0, new DateOnly(2023, 6, 5))), handledBefore);
        var earning = Milestone(1, new DateOnly(2023, 6, 6));
        await payment.PublishAsync(Single(partnershipId, earning));
        // Messages of one queue are handled in the order they came, so the first has been judged once the second is booked.
        var item = (await payment.LedgerAsync(partnershipId, 1)).ShouldHaveSingleItem();
        (item.CauseKey, item.AmountOre).ShouldBe(($"milestone:{earning.MilestoneId}", TestRateCards.JobStartOre),
            "the redelivered message was recognised by its inbox row; the other earned its price");
    }

    private static string Citizen(int n) => $"{n:x32}";

    private static AchievedMilestone Milestone(int citizen, DateOnly on) => new()
    {
        MilestoneId = Guid.CreateVersion7(), CitizenId = new Pseudonym(Citizen(citizen)), MilestoneCode = TestRateCards.JobStart, AchievedOn = on,
    };

    private static MilestoneAchieved Single(Guid partnershipId, AchievedMilestone milestone) => new()
    {
        MilestoneId = milestone.MilestoneId, PartnershipId = partnershipId, CitizenId = milestone.CitizenId,
        MilestoneCode = milestone.MilestoneCode, AchievedOn = milestone.AchievedOn,
    };
}
