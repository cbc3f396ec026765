using Partnerskab.Contracts;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Contracts.Outcome;
using Partnerskab.Payment.Ledger;
using Partnerskab.Testing;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Payment.Tests.InProcess;

/// <summary>The ledger's day totals, kept by the ledger's insert triggers, under the kind each item books and the kind it takes back.</summary>
[Collection(ClockedPaymentServiceCollection.Name)]
public sealed class LedgerDayTotalsTests(ClockedPaymentHost payment) : InProcessTests(payment.ResetAsync)
{
    [Fact]
    public async Task A_credit_is_totalled_under_the_kind_of_the_item_it_takes_back_and_every_other_item_under_its_own()
    {
        payment.Today(2023, 10, 5);
        var partnershipId = await payment.PartnershipAsync();
        var milestoneId = Guid.NewGuid();
        var anna = new Pseudonym(new string('a', 32));
        await payment.PublishAsync(new CitizensHandedOver
        {
            PartnershipId = partnershipId,
            Citizens = [.. new[] { anna, new Pseudonym(new string('b', 32)) }.Select(c => new HandedOverCitizen
            {
                CitizenId = c, HandoverDate = new DateOnly(2023, 4, 3), FollowUpStart = new DateOnly(2023, 4, 3), FollowUpEnd = new DateOnly(2025, 4, 3),
            })],
        });
        await payment.PublishAsync(new MilestoneAchieved
        {
            MilestoneId = milestoneId, PartnershipId = partnershipId, CitizenId = anna, MilestoneCode = TestRateCards.JobStart, AchievedOn = new DateOnly(2023, 8, 14),
        });
        await payment.LedgerAsync(partnershipId, 3);
        await payment.PublishAsync(new MilestoneRevoked
        {
            MilestoneId = milestoneId, PartnershipId = partnershipId, CitizenId = anna, MilestoneCode = TestRateCards.JobStart,
            RevokedOn = new DateOnly(2023, 10, 5), Reason = "corrected facts", EffectiveOn = new DateOnly(2023, 9, 25),
            Cause = new RevocationCause { Kind = "claim", Reference = "claim-1", ReportedBy = "kommune", KnownAt = DateTimeOffset.UtcNow },
        });
        await payment.LedgerAsync(partnershipId, 4);

        await using var connection = await payment.OpenAsync();
        await using var totals = new Npgsql.NpgsqlCommand(
            "SELECT kind, credited_kind, sum(items)::int, sum(amount_ore)::bigint FROM ledger_day_totals WHERE partnership_id = @p GROUP BY 1, 2", connection);
        totals.Parameters.AddWithValue("p", partnershipId);
        var rows = new List<(LedgerItemKind Kind, LedgerItemKind Credited, int Items, long AmountOre)>();
        await using (var reader = await totals.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) rows.Add(((LedgerItemKind)reader.GetInt32(0), (LedgerItemKind)reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3)));
        }
        rows.ShouldBe(
        [
            (LedgerItemKind.HandoverFee, LedgerItemKind.HandoverFee, 2, 2 * TestRateCards.HandoverFeeOre),
            (LedgerItemKind.Milestone, LedgerItemKind.Milestone, 1, TestRateCards.JobStartOre),
            (LedgerItemKind.Credit, LedgerItemKind.Milestone, 1, -TestRateCards.JobStartOre),
        ], ignoreOrder: true);
    }
}
