using Npgsql;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Shouldly;

namespace Partnerskab.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class PaymentLedgerTests(SuiteFixture suite)
{
    [Fact]
    public async Task A_milestone_event_delivered_twice_or_sent_again_in_another_message_yields_one_item()
    {
        var (partnershipId, citizens) = await PaymentTestData.PartnershipAsync(suite.Clients, "pay-twice",
            id => TestRateCards.FullRateCard(id, ThinSlice.Day(2023, 3, 1)).With(r => r.Caps = null), 301);
        var achieved = new
        {
            MilestoneId = Guid.NewGuid(), PartnershipId = Guid.Parse(partnershipId), CitizenId = citizens[0],
            MilestoneCode = TestRateCards.JobStart, AchievedOn = new DateOnly(2023, 9, 4),
        };

        var first = await PaymentTestData.PublishAsync(suite, "outcome", "Outcome.MilestoneAchieved", achieved);
        await PaymentTestData.ConsumedAsync(suite, first);
        await PaymentTestData.RedeliverAsync(suite, "outcome", first);
        var second = await PaymentTestData.PublishAsync(suite, "outcome", "Outcome.MilestoneAchieved", achieved);
        await PaymentTestData.ConsumedAsync(suite, second);
        await Task.Delay(TimeSpan.FromSeconds(1));

        var ledger = await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Count == 2);
        var milestone = ledger.Single(i => i.Kind == LedgerItemKind.Milestone);
        milestone.CauseMessageId.ShouldBe(first.ToString());
        milestone.CauseKey.ShouldBe($"milestone:{achieved.MilestoneId}");
        milestone.AmountOre.ShouldBe(TestRateCards.JobStartOre);
        ledger.Single(i => i.Kind == LedgerItemKind.HandoverFee).AmountOre.ShouldBe(TestRateCards.HandoverFeeOre);
    }

    [Fact]
    public async Task Caps_revocations_deliverables_and_wrongly_enrolled_exits_reach_the_ledger_visibly()
    {
        var (partnershipId, citizens) = await PaymentTestData.PartnershipAsync(suite.Clients, "pay-ledger",
            id => TestRateCards.FullRateCard(id, ThinSlice.Day(2023, 3, 1)), 302, 303);
        var partnership = Guid.Parse(partnershipId);
        var milestoneId = Guid.NewGuid();
        var deliverableId = Guid.NewGuid();

        await PaymentTestData.PublishAsync(suite, "outcome", "Outcome.MilestoneAchieved", new
        {
            MilestoneId = milestoneId, PartnershipId = partnership, CitizenId = citizens[0],
            MilestoneCode = TestRateCards.JobStart, AchievedOn = new DateOnly(2023, 9, 4),
        });
        await PaymentTestData.PublishAsync(suite, "outcome", "Outcome.DeliverableCompleted", new
        {
            DeliverableId = deliverableId, PartnershipId = partnership, Kind = "TeachingDay", CompletedOn = new DateOnly(2023, 10, 12), Quantity = 2,
        });
        var booked = await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Count == 4);
        await PaymentTestData.PublishAsync(suite, "outcome", "Outcome.MilestoneRevoked", new
        {
            MilestoneId = milestoneId, PartnershipId = partnership, CitizenId = citizens[0],
            MilestoneCode = TestRateCards.JobStart, RevokedOn = new DateOnly(2023, 11, 20), Reason = "register shows no employment",
        });
        await suite.Clients.Cohort.RecordExitAsync(new RecordExitRequest
        {
            PartnershipId = partnershipId, CitizenId = citizens[1], ExitDate = ThinSlice.Day(2023, 5, 1), Reason = ExitReason.WronglyEnrolled,
        }, deadline: SuiteClients.Deadline());
        var ledger = await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Count == 6);

        // The citizen's cap (30,000) leaves 20,000 of the 25,000 job start after the 10,000 handover fee.
        var milestone = ledger.Single(i => i.Kind == LedgerItemKind.Milestone);
        (milestone.OriginalAmountOre, milestone.AmountOre, milestone.CappedBy)
            .ShouldBe((TestRateCards.JobStartOre, TestRateCards.CitizenCapOre - TestRateCards.HandoverFeeOre, CapKind.PerCitizen));
        milestone.PricingNote.ShouldContain("capped by the per-citizen cap");

        var deliverable = ledger.Single(i => i.Kind == LedgerItemKind.DeliverableFee);
        (deliverable.Code, deliverable.Quantity, deliverable.UnitPriceOre, deliverable.AmountOre, deliverable.CitizenId)
            .ShouldBe(("TeachingDay", 2, TestRateCards.TeachingDayOre, 2 * TestRateCards.TeachingDayOre, ""));

        var credits = ledger.Where(i => i.Kind == LedgerItemKind.Credit).ToList();
        var revocation = credits.Single(c => c.CreditsItemId == milestone.ItemId);
        (revocation.AmountOre, revocation.MilestoneCode, revocation.CitizenId, PaymentTestData.Text(revocation.EarnedOn))
            .ShouldBe((-milestone.AmountOre, TestRateCards.JobStart, citizens[0], "2023-11-20"));
        revocation.PricingNote.ShouldContain("register shows no employment");
        var handoverOfWronglyEnrolled = booked.Single(i => i.Kind == LedgerItemKind.HandoverFee && i.CitizenId == citizens[1]);
        var exitCredit = credits.Single(c => c.CreditsItemId == handoverOfWronglyEnrolled.ItemId);
        (exitCredit.AmountOre, exitCredit.CauseKey).ShouldBe((-TestRateCards.HandoverFeeOre, $"credit:{handoverOfWronglyEnrolled.CauseKey}"));
    }

    [Fact]
    public async Task A_revocation_that_overtakes_its_milestone_leaves_the_milestone_booked_at_nothing()
    {
        var (partnershipId, citizens) = await PaymentTestData.PartnershipAsync(suite.Clients, "pay-overtaken",
            id => TestRateCards.FullRateCard(id, ThinSlice.Day(2023, 3, 1)), 304);
        var milestone = new
        {
            MilestoneId = Guid.NewGuid(), PartnershipId = Guid.Parse(partnershipId), CitizenId = citizens[0], MilestoneCode = TestRateCards.JobStart,
        };

        var revoked = await PaymentTestData.PublishAsync(suite, "outcome", "Outcome.MilestoneRevoked",
            new { milestone.MilestoneId, milestone.PartnershipId, milestone.CitizenId, milestone.MilestoneCode, RevokedOn = new DateOnly(2023, 9, 5), Reason = "claim withdrawn" });
        await PaymentTestData.ConsumedAsync(suite, revoked);
        await PaymentTestData.PublishAsync(suite, "outcome", "Outcome.MilestoneAchieved",
            new { milestone.MilestoneId, milestone.PartnershipId, milestone.CitizenId, milestone.MilestoneCode, AchievedOn = new DateOnly(2023, 9, 4) });
        var ledger = await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Count == 3);

        var credit = ledger.Single(i => i.Kind == LedgerItemKind.Credit);
        (credit.AmountOre, credit.CreditsItemId).ShouldBe((0, ""));
        var item = ledger.Single(i => i.Kind == LedgerItemKind.Milestone);
        (item.OriginalAmountOre, item.AmountOre).ShouldBe((TestRateCards.JobStartOre, 0));
        item.PricingNote.ShouldContain("taken back before it was booked");
    }

    [Fact]
    public async Task A_milestone_earned_without_a_price_is_held_unpriced_priced_by_a_later_rate_card_and_credited_with_its_price()
    {
        var (partnershipId, citizens) = await PaymentTestData.PartnershipAsync(suite.Clients, "pay-unpriced",
            id => TestRateCards.FullRateCard(id, ThinSlice.Day(2023, 3, 1)).With(r => { r.Caps = null; r.MilestonePrices.Clear(); }), 306, 307);
        var partnership = Guid.Parse(partnershipId);
        object Milestone(Guid id, string citizen) => new
        {
            MilestoneId = id, PartnershipId = partnership, CitizenId = citizen, MilestoneCode = TestRateCards.JobStart, AchievedOn = new DateOnly(2023, 6, 5),
        };
        object Revoked(Guid id, string citizen) => new
        {
            MilestoneId = id, PartnershipId = partnership, CitizenId = citizen, MilestoneCode = TestRateCards.JobStart,
            RevokedOn = new DateOnly(2023, 9, 1), Reason = "claim revoked",
        };
        var (kept, takenBack) = (Guid.NewGuid(), Guid.NewGuid());
        await PaymentTestData.ConsumedAsync(suite, await PaymentTestData.PublishAsync(suite, "outcome", "Outcome.MilestoneAchieved", Milestone(kept, citizens[0])));
        await PaymentTestData.ConsumedAsync(suite, await PaymentTestData.PublishAsync(suite, "outcome", "Outcome.MilestoneAchieved", Milestone(takenBack, citizens[1])));
        await PaymentTestData.ConsumedAsync(suite, await PaymentTestData.PublishAsync(suite, "outcome", "Outcome.MilestoneRevoked", Revoked(takenBack, citizens[1])));

        var unpriced = (await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Count == 5))
            .Where(i => i.Kind == LedgerItemKind.Milestone).ToList();
        unpriced.Select(i => (i.AmountOre, i.Unpriced)).ShouldBe([(0, true), (0, true)]);
        unpriced[0].PricingNote.ShouldContain("has no price for JOB_START");
        (await CostAsync(partnershipId)).UnpricedItems.ShouldBe(1, "the milestone taken back is not waiting for a price");

        var priced = TestRateCards.FullRateCard(partnershipId, ThinSlice.Day(2023, 6, 1)).With(r => r.Caps = null);
        await suite.Clients.Payment.SetRateCardAsync(priced, deadline: SuiteClients.Deadline());
        await suite.Clients.Payment.SetRateCardAsync(priced, deadline: SuiteClients.Deadline());

        var ledger = await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, _ => true);
        var price = ledger.Where(i => i.CauseKey.StartsWith("priced:", StringComparison.Ordinal)).ShouldHaveSingleItem();
        (price.CauseKey, price.Kind, price.AmountOre, price.CitizenId, PaymentTestData.Text(price.EarnedOn), price.RateCardVersion, price.Unpriced)
            .ShouldBe(($"priced:milestone:{kept}", LedgerItemKind.Milestone, TestRateCards.JobStartOre, citizens[0], "2023-06-05", 2, false));
        price.PricingNote.ShouldContain("priced after it was earned unpriced");
        var cost = await CostAsync(partnershipId);
        (cost.UnpricedItems, cost.CitizensHandedOver, cost.MilestonesReached).ShouldBe((0, 2, 1), "the price booked later is the same milestone again");

        await PaymentTestData.ConsumedAsync(suite, await PaymentTestData.PublishAsync(suite, "outcome", "Outcome.MilestoneRevoked", Revoked(kept, citizens[0])));
        var after = await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, _ => true);
        after.Where(i => i.CitizenId == citizens[0] && i.Kind is LedgerItemKind.Milestone or LedgerItemKind.Credit).Sum(i => i.AmountOre).ShouldBe(0);
        after.Single(i => i.CauseKey == $"credit:priced:milestone:{kept}").AmountOre.ShouldBe(-TestRateCards.JobStartOre);
        after.Count.ShouldBe(8, "two handover fees, two milestones, one price and three credits");
        (await CostAsync(partnershipId)).MilestonesReached.ShouldBe(0);
    }

    private async Task<GetPartnershipCostResponse> CostAsync(string partnershipId) =>
        await suite.Clients.Payment.GetPartnershipCostAsync(new GetPartnershipCostRequest { PartnershipId = partnershipId, AsOf = ThinSlice.Day(2023, 12, 31) },
            deadline: SuiteClients.Deadline());

    [Theory]
    [InlineData("UPDATE ledger_items SET amount_ore = 0 WHERE partnership_id = @partnership")]
    [InlineData("DELETE FROM ledger_items WHERE partnership_id = @partnership")]
    [InlineData("TRUNCATE ledger_items CASCADE")]
    public async Task The_ledger_refuses_to_change_or_lose_an_item_even_to_a_direct_statement(string statement)
    {
        var (partnershipId, _) = await PaymentTestData.PartnershipAsync(suite.Clients, "pay-append-only",
            id => TestRateCards.FullRateCard(id, ThinSlice.Day(2023, 3, 1)), 305);
        var before = await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Count == 1);

        await using var connection = new NpgsqlConnection(suite.ConnectionString("payment"));
        await connection.OpenAsync();
        // Rolled back whatever happens, so a broken trigger fails this test without emptying the shared suite's ledger.
        await using var transaction = await connection.BeginTransactionAsync();
        await using var change = new NpgsqlCommand(statement, connection, transaction);
        change.Parameters.AddWithValue("partnership", Guid.Parse(partnershipId));
        var refused = await Should.ThrowAsync<PostgresException>(change.ExecuteNonQueryAsync());
        await transaction.RollbackAsync();

        refused.SqlState.ShouldBe(PostgresErrorCodes.RestrictViolation);
        refused.MessageText.ShouldContain("ledger items are never changed or deleted");
        (await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, _ => true)).ShouldBe(before);
    }
}
