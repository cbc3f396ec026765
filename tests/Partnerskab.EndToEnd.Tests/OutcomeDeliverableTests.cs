using Grpc.Core;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Shouldly;

namespace Partnerskab.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class OutcomeDeliverableTests(SuiteFixture suite)
{
    [Fact]
    public async Task A_reported_deliverable_reaches_payment_once_also_when_the_report_is_retried()
    {
        var (partnershipId, _) = await PaymentTestData.PartnershipAsync(suite.Clients, "deliverable",
            id => TestRateCards.FullRateCard(id, ThinSlice.Day(2023, 3, 1)).With(r => r.Caps = null));
        var report = new ReportDeliverableRequest
        {
            PartnershipId = partnershipId, DeliverableReference = "LT-TEACH-1", Kind = DeliverableKind.TeachingDay,
            CompletedOn = ThinSlice.Day(2023, 10, 12), Quantity = 2, EvidenceReference = "attendance list",
        };

        var first = await suite.Clients.Outcome.ReportDeliverableAsync(report, deadline: SuiteClients.Deadline());
        var retried = await suite.Clients.Outcome.ReportDeliverableAsync(report, deadline: SuiteClients.Deadline());
        var changed = await Should.ThrowAsync<RpcException>(suite.Clients.Outcome.ReportDeliverableAsync(report.With(r => r.Quantity = 3),
            deadline: SuiteClients.Deadline()).ResponseAsync);

        (first.Created, retried.Created, retried.Deliverable).ShouldBe((true, false, first.Deliverable));
        changed.StatusCode.ShouldBe(StatusCode.AlreadyExists);
        await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Any(i => i.Kind == LedgerItemKind.DeliverableFee));
        await suite.RowCountsAsync();
        var fee = (await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, _ => true)).Where(i => i.Kind == LedgerItemKind.DeliverableFee).ShouldHaveSingleItem();
        (fee.Code, fee.Quantity, fee.AmountOre, PaymentTestData.Text(fee.EarnedOn))
            .ShouldBe(("TeachingDay", 2, 2 * TestRateCards.TeachingDayOre, "2023-10-12"));
    }
}
