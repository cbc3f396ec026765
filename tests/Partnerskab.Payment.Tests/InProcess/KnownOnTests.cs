using Partnerskab.Contracts;
using Partnerskab.Contracts.Outcome;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing;
using Partnerskab.Testing.InProcess;
using Date = Google.Type.Date;

namespace Partnerskab.Payment.Tests.InProcess;

[Collection(ClockedPaymentServiceCollection.Name)]
public sealed class KnownOnTests(ClockedPaymentHost payment) : InProcessTests(payment.ResetAsync)
{
    private static readonly Pseudonym Anna = new(new string('a', 32));
    private static readonly Pseudonym Bo = new(new string('b', 32));
    private static readonly Pseudonym Carl = new(new string('c', 32));

    [Fact]
    public async Task The_cost_report_and_ledger_asked_later_as_known_on_each_day_answer_as_they_did_that_day_to_the_ore()
    {
        var client = payment.Client;
        var taken = new List<(Date Day, GetPartnershipCostResponse Cost, int LedgerItems)>();
        payment.Today(2023, 10, 5);
        var partnershipId = await payment.PartnershipAsync();
        var id = partnershipId.ToString();
        var (anna, bo) = (Guid.NewGuid(), Guid.NewGuid());

        // Day 1: two job starts of the third quarter, invoiced.
        await payment.PublishAsync(Achieved(partnershipId, anna, Anna, new DateOnly(2023, 8, 14)));
        await payment.PublishAsync(Achieved(partnershipId, bo, Bo, new DateOnly(2023, 9, 4)));
        await payment.LedgerAsync(partnershipId, 2);
        var q3 = (await client.RunInvoicesAsync(new RunInvoicesRequest { PartnershipId = id, PeriodStart = ThinSlice.Day(2023, 7, 1), IssueDate = ThinSlice.Day(2023, 10, 5) },
            deadline: SuiteClients.Deadline())).Documents.Single();
        await TakeAsync(ThinSlice.Day(2023, 10, 5), 2);

        // Day 2: Anna's September week is re-coded (effective in the closed third quarter); Carl starts a job.
        payment.Today(2023, 11, 20);
        await client.ClosePeriodAsync(new ClosePeriodRequest { PartnershipId = id, PeriodStart = ThinSlice.Day(2023, 7, 1) }, deadline: SuiteClients.Deadline());
        await payment.PublishAsync(Revoked(partnershipId, anna, Anna, new DateOnly(2023, 11, 20), new DateOnly(2023, 9, 11), "2023-W37"));
        await payment.PublishAsync(Achieved(partnershipId, Guid.NewGuid(), Carl, new DateOnly(2023, 11, 13)));
        await payment.LedgerAsync(partnershipId, 4);
        await TakeAsync(ThinSlice.Day(2023, 11, 20), 4);

        // Day 3: the fourth quarter is invoiced, and a payment booked in November is recorded only now.
        payment.Today(2024, 1, 5);
        await client.RunInvoicesAsync(new RunInvoicesRequest { PartnershipId = id, PeriodStart = ThinSlice.Day(2023, 10, 1), IssueDate = ThinSlice.Day(2024, 1, 5) },
            deadline: SuiteClients.Deadline());
        await client.RecordPaymentsAsync(new RecordPaymentsRequest
        {
            IssuerCvr = "12345678",
            Lines = { new BankStatementLine { BankLineId = "B1", AmountOre = q3.TotalAmountOre, BookedOn = ThinSlice.Day(2023, 11, 3), Reference = $"Faktura {q3.Number}" } },
        }, deadline: SuiteClients.Deadline());
        await TakeAsync(ThinSlice.Day(2024, 1, 5), 4);

        // Day 4: Bo's job start of September turns out never to have happened (learnt in March 2024).
        payment.Today(2024, 3, 1);
        await payment.PublishAsync(Revoked(partnershipId, bo, Bo, new DateOnly(2024, 3, 1), new DateOnly(2023, 9, 4), "claim-17"));
        await payment.LedgerAsync(partnershipId, 5);
        var now = await TakeAsync(ThinSlice.Day(2024, 3, 1), 5);

        foreach (var (day, cost, ledgerItems) in taken)
        {
            var asKnown = await client.GetPartnershipCostAsync(new GetPartnershipCostRequest { PartnershipId = id, AsOf = day, KnownOn = day },
                deadline: SuiteClients.Deadline());
            asKnown.KnownOn.ShouldBe(day);
            asKnown.KnownOn = null;
            asKnown.ShouldBe(cost, $"the cost report as of and as known on {PaymentDay(day)}");
            (await client.GetWholeLedgerAsync(new GetLedgerRequest { PartnershipId = id, KnownOn = day }, deadline: SuiteClients.Deadline()))
                .Items.Count.ShouldBe(ledgerItems, $"the ledger as known on {PaymentDay(day)}");
        }
        taken[1].Cost.ShouldNotBe(now.Cost, "the later corrections change today's answer, so the test can fail");
        taken[2].Cost.TotalPaidOre.ShouldBe(q3.TotalAmountOre, "the payment booked in November is known from January on");
        (await client.GetPartnershipCostAsync(new GetPartnershipCostRequest { PartnershipId = id, AsOf = ThinSlice.Day(2023, 11, 20), KnownOn = ThinSlice.Day(2024, 1, 5) },
            deadline: SuiteClients.Deadline())).TotalPaidOre.ShouldBe(q3.TotalAmountOre, "as known later, November's payment is in November");
        taken[1].Cost.TotalPaidOre.ShouldBe(0);

        // 2023 both ways: as booked, Anna's credit is in 2023 (learnt then) and Bo's in 2024; as corrected, both take 2023's job starts back.
        var y2023 = now.Cost.Years.Single(y => y.Year == 2023);
        var y2024 = now.Cost.Years.Single(y => y.Year == 2024);
        (y2023.EarnedOre, y2023.CorrectedEarnedOre).ShouldBe((2 * TestRateCards.JobStartOre, TestRateCards.JobStartOre));
        (y2024.EarnedOre, y2024.CorrectedEarnedOre).ShouldBe((-TestRateCards.JobStartOre, 0));
        return;

        async Task<(Date Day, GetPartnershipCostResponse Cost, int LedgerItems)> TakeAsync(Date day, int ledgerItems)
        {
            var cost = await client.GetPartnershipCostAsync(new GetPartnershipCostRequest { PartnershipId = id, AsOf = day }, deadline: SuiteClients.Deadline());
            cost.KnownOn.ShouldBeNull();
            taken.Add((day, cost, ledgerItems));
            return taken[^1];
        }
    }

    private static string PaymentDay(Date day) => $"{day.Year:D4}-{day.Month:D2}-{day.Day:D2}";

    private static MilestoneAchieved Achieved(Guid partnershipId, Guid milestoneId, Pseudonym citizen, DateOnly on) => new()
    {
        MilestoneId = milestoneId, PartnershipId = partnershipId, CitizenId = citizen, MilestoneCode = TestRateCards.JobStart, AchievedOn = on,
    };

    private static MilestoneRevoked Revoked(Guid partnershipId, Guid milestoneId, Pseudonym citizen, DateOnly revokedOn, DateOnly effectiveOn, string reference) => new()
    {
        MilestoneId = milestoneId, PartnershipId = partnershipId, CitizenId = citizen, MilestoneCode = TestRateCards.JobStart, RevokedOn = revokedOn,
        Reason = "corrected facts", EffectiveOn = effectiveOn,
        Cause = new RevocationCause
        {
            Kind = reference.StartsWith("claim", StringComparison.Ordinal) ? "claim" : "status-week", Reference = reference, ReportedBy = "kommune",
            KnownAt = new DateTimeOffset(revokedOn.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero),
        },
    };
}
