using Google.Protobuf.WellKnownTypes;
using NodaTime;
using Partnerskab.Contracts;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Testing;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Payment.Tests.InProcess;

/// <summary>Handovers reach the ledger as the cohort service announces them: a batch of citizens in one event, or, from before batches, one citizen an event.</summary>
[Collection(ClockedPaymentServiceCollection.Name)]
public sealed class HandoverFeeTests(ClockedPaymentHost payment) : InProcessTests(payment.ResetAsync)
{
    private const long YearCapOre = 2 * TestRateCards.HandoverFeeOre + TestRateCards.HandoverFeeOre / 2;

    [Fact]
    public async Task A_batch_earns_each_citizen_its_fee_under_the_caps_at_the_moment_a_load_gives_and_nothing_twice()
    {
        payment.Today(2024, 3, 1);
        var partnershipId = await payment.PartnershipAsync(card => card.Caps = new Caps { PerCalendarYearOre = YearCapOre });
        // Three citizens handed over in 2023 and two in 2024: the year's cap takes half of 2023's third fee.
        var batch = new CitizensHandedOver
        {
            PartnershipId = partnershipId,
            Citizens = [.. Enumerable.Range(0, 5).Select(n => Citizen(n, n < 3 ? new DateOnly(2023, 4, 3) : new DateOnly(2024, 1, 8)))],
        };
        var messageId = Guid.NewGuid();
        var loadedAt = Instant.FromUtc(2024, 2, 1, 9, 0);

        await payment.PublishAsync(batch, messageId, loadedAt);
        var ledger = await payment.LedgerAsync(partnershipId, 5);

        ledger.Select(i => i.CauseKey).ShouldBe(batch.Citizens.Select(c => $"handover:{partnershipId}:{c.CitizenId}"), ignoreOrder: true);
        ledger.ShouldAllBe(i => i.Kind == LedgerItemKind.HandoverFee && i.OriginalAmountOre == TestRateCards.HandoverFeeOre);
        (ledger.Where(i => i.EarnedOn.Year == 2023).Sum(i => i.AmountOre), ledger.Where(i => i.EarnedOn.Year == 2024).Sum(i => i.AmountOre))
            .ShouldBe((YearCapOre, 2 * TestRateCards.HandoverFeeOre));
        ledger.Where(i => i.CappedBy != CapKind.Unspecified).ShouldHaveSingleItem().CappedBy.ShouldBe(CapKind.PerCalendarYear);
        ledger.ShouldAllBe(i => i.CauseMessageId == messageId.ToString() && i.RecordedAt == Timestamp.FromDateTimeOffset(loadedAt.ToDateTimeOffset()),
            "every citizen's fee is booked from the one message, at the moment the load gave");

        // The same message again (a redelivery) and the same citizens in another event book nothing; a later handover does.
        await payment.PublishAsync(batch, messageId);
        await payment.PublishAsync(batch with { Citizens = [.. batch.Citizens.Reverse()] });
        await payment.PublishAsync(new CitizensHandedOver { PartnershipId = partnershipId, Citizens = [Citizen(5, new DateOnly(2024, 1, 9))] });
        var after = await payment.LedgerAsync(partnershipId, 6);
        after.Count.ShouldBe(6);
        after.Where(i => i.CauseKey != $"handover:{partnershipId}:{Citizen(5, default).CitizenId}").Select(i => (i.CauseKey, i.AmountOre))
            .ShouldBe(ledger.Select(i => (i.CauseKey, i.AmountOre)), ignoreOrder: true);
    }

    [Fact]
    public async Task A_single_handover_event_from_before_batches_still_earns_its_fee_and_one_handled_before_the_upgrade_is_recognised()
    {
        payment.Today(2023, 10, 5);
        var partnershipId = await payment.PartnershipAsync();
        // A message the consumer handled before the upgrade, under its name then, is redelivered after it.
        var handledBefore = Guid.NewGuid();
        await payment.HandledAsync(handledBefore, "EarnHandoverFee");

        await payment.PublishAsync(Single(partnershipId, Citizen(0, new DateOnly(2023, 4, 3))), handledBefore);
        await payment.PublishAsync(Single(partnershipId, Citizen(1, new DateOnly(2023, 4, 4))));
        // Messages of one queue are handled in the order they came, so the first has been judged once the second is booked.
        var item = (await payment.LedgerAsync(partnershipId, 1)).ShouldHaveSingleItem();
        (item.CauseKey, item.AmountOre).ShouldBe(($"handover:{partnershipId}:{Citizen(1, default).CitizenId}", TestRateCards.HandoverFeeOre),
            "the redelivered message was recognised by its inbox row; the other earned its fee");
    }

    private static HandedOverCitizen Citizen(int n, DateOnly handoverDate) => new()
    {
        CitizenId = new Pseudonym($"{n:x32}"), HandoverDate = handoverDate, FollowUpStart = handoverDate, FollowUpEnd = handoverDate.AddMonths(24),
    };

    private static CitizenHandedOver Single(Guid partnershipId, HandedOverCitizen citizen) => new()
    {
        PartnershipId = partnershipId, CitizenId = citizen.CitizenId, HandoverDate = citizen.HandoverDate,
        FollowUpStart = citizen.FollowUpStart, FollowUpEnd = citizen.FollowUpEnd,
    };
}
