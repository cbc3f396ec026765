using Partnerskab.Contracts;
using Partnerskab.Contracts.Outcome;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Payment.Tests.InProcess;

/// <summary>GetLedger in pages: chained tokens give every item once, in the order earned, and a credit names its milestone whatever page that is on.</summary>
[Collection(ClockedPaymentServiceCollection.Name)]
public sealed class LedgerPageTests(ClockedPaymentHost payment) : InProcessTests(payment.ResetAsync)
{
    [Fact]
    public async Task Pages_chained_by_their_tokens_hold_the_whole_ledger_in_the_order_earned()
    {
        payment.Today(2023, 10, 5);
        var partnershipId = await payment.PartnershipAsync();
        var first = Guid.NewGuid();
        // Two on one day, so the order within a day (by id) is paged over too.
        DateOnly[] days = [new(2023, 8, 14), new(2023, 8, 14), new(2023, 8, 21), new(2023, 9, 4), new(2023, 9, 11)];
        for (var n = 0; n < days.Length; n++)
        {
            await payment.PublishAsync(new MilestoneAchieved
            {
                MilestoneId = n == 0 ? first : Guid.NewGuid(), PartnershipId = partnershipId, CitizenId = new Pseudonym(new string((char)('a' + n), 32)),
                MilestoneCode = TestRateCards.JobStart, AchievedOn = days[n],
            });
        }
        await payment.PublishAsync(new MilestoneRevoked
        {
            MilestoneId = first, PartnershipId = partnershipId, CitizenId = new Pseudonym(new string('a', 32)), MilestoneCode = TestRateCards.JobStart,
            RevokedOn = new DateOnly(2023, 10, 5), Reason = "corrected facts", EffectiveOn = new DateOnly(2023, 9, 25),
            Cause = new RevocationCause { Kind = "claim", Reference = "claim-1", ReportedBy = "kommune", KnownAt = DateTimeOffset.UtcNow },
        });
        var whole = await payment.LedgerAsync(partnershipId, days.Length + 1);

        var pages = new List<GetLedgerResponse>();
        var request = new GetLedgerRequest { PartnershipId = partnershipId.ToString(), PageSize = 2 };
        do
        {
            pages.Add(await payment.Client.GetLedgerAsync(request, deadline: SuiteClients.Deadline()));
            request.PageToken = pages[^1].NextPageToken;
        }
        while (request.PageToken.Length > 0);

        pages.Select(p => p.Items.Count).ShouldBe([2, 2, 2]);
        pages.SelectMany(p => p.Items).ShouldBe(whole);
        whole.Select(i => (i.EarnedOn.Year, i.EarnedOn.Month, i.EarnedOn.Day)).ShouldBeInOrder();
        var credit = pages[^1].Items[^1];
        var credited = pages[0].Items.Single(i => i.CitizenId == new string('a', 32));
        (credit.Kind, credit.MilestoneCode, credit.CreditsItemId).ShouldBe((LedgerItemKind.Credit, TestRateCards.JobStart, credited.ItemId),
            "the credit on the last page names the milestone of the first page");
    }
}
