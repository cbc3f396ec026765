using System.Xml.Linq;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Payment.Tests.EInvoicing;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Shouldly;

namespace Partnerskab.EndToEnd.Tests;

/// <summary>A partnership whose prices the kommune and an outcomes fund split: ledger, invoices, credit notes and cost per payer.</summary>
[Collection(SuiteCollection.Name)]
public sealed class PaymentPayersTests(SuiteFixture suite)
{
    private const string KommuneEan = "5798000420526";
    private const string FundEan = "5798000123458";
    private const string FundCvr = "11223344";

    [Fact]
    public async Task Each_payer_is_invoiced_its_share_on_its_own_peppol_documents_and_credited_its_share_after_a_revocation()
    {
        var (partnershipId, citizens) = await PaymentTestData.PartnershipAsync(suite.Clients, "payers", SplitRateCard, 331, 332);
        var partnership = Guid.Parse(partnershipId);
        await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Count == 4);
        var milestoneId = Guid.NewGuid();
        await PaymentTestData.PublishAsync(suite, "outcome", "Outcome.MilestoneAchieved", new
        {
            MilestoneId = milestoneId, PartnershipId = partnership, CitizenId = citizens[0],
            MilestoneCode = TestRateCards.JobStart, AchievedOn = new DateOnly(2023, 5, 10),
        });
        var ledger = await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Count == 6);

        // Every cause is an item per payer, 80 % and 20 %, the kommune's the lead; the job start is capped on the total.
        foreach (var cause in ledger.GroupBy(i => i.CauseKey))
        {
            cause.Select(i => i.PayerId).Order().ShouldBe(["FUND", "KOMMUNE"]);
            cause.Single(i => i.Lead).PayerId.ShouldBe("KOMMUNE");
            cause.Single(i => i.PayerId == "FUND").AmountOre.ShouldBe(cause.Sum(i => i.AmountOre) / 5);
        }
        var cappedJobStart = TestRateCards.CitizenCapOre - TestRateCards.HandoverFeeOre;
        ledger.Where(i => i.Kind == LedgerItemKind.Milestone).Sum(i => i.AmountOre).ShouldBe(cappedJobStart);

        var q2 = await PaymentInvoicingTests.RunAsync(suite.Clients, partnershipId, ThinSlice.Day(2023, 4, 1), ThinSlice.Day(2023, 7, 3));

        q2.Documents.Select(d => (d.Kind, d.PayerId, d.BuyerCvr, d.BuyerEan)).ShouldBe(
        [
            (DocumentKind.Invoice, "FUND", FundCvr, FundEan),
            (DocumentKind.Invoice, "KOMMUNE", "29189757", KommuneEan),
        ]);
        q2.Documents[1].Number.ShouldBe(q2.Documents[0].Number + 1, "every payer's documents take their numbers from the provider's one series");
        // Two handover fees, the capped job start, and the quarterly management fee due on the contract start and on 1 April.
        var net = 2 * TestRateCards.HandoverFeeOre + cappedJobStart + 2 * ManagementFeeOre;
        q2.Documents.Sum(d => d.NetAmountOre).ShouldBe(net);
        var afterQ2 = await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Count == 10);
        foreach (var document in q2.Documents)
        {
            var own = afterQ2.Where(i => i.PayerId == document.PayerId).ToList();
            document.Lines.Select(l => l.LedgerItemId).Order().ShouldBe(own.Select(i => i.ItemId).Order(), "a payer's invoice bills its items, all of them");
            document.NetAmountOre.ShouldBe(own.Sum(i => i.AmountOre));
            await PassesThePeppolRulesAsync(document);
        }

        await PaymentTestData.RevokeAndExitWronglyEnrolledAsync(suite, partnershipId, milestoneId, citizens[0], citizens[1]);
        var credited = await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Count(i => i.Kind == LedgerItemKind.Credit) == 4);
        foreach (var credit in credited.Where(i => i.Kind == LedgerItemKind.Credit))
        {
            var item = credited.Single(i => i.ItemId == credit.CreditsItemId);
            (credit.PayerId, credit.AmountOre, credit.Lead).ShouldBe((item.PayerId, -item.AmountOre, item.Lead), "a credit takes back each payer's item");
        }

        var q3 = await PaymentInvoicingTests.RunAsync(suite.Clients, partnershipId, ThinSlice.Day(2023, 7, 1), ThinSlice.Day(2023, 10, 2));

        var creditNotes = q3.Documents.Where(d => d.Kind == DocumentKind.CreditNote).ToList();
        creditNotes.Select(d => d.PayerId).ShouldBe(["FUND", "KOMMUNE"]);
        q3.Documents.Select(d => d.Number).ShouldBe(Enumerable.Range(1, 4).Select(n => q2.Documents[1].Number + n));
        foreach (var creditNote in creditNotes)
        {
            var invoice = q2.Documents.Single(d => d.PayerId == creditNote.PayerId);
            (creditNote.CreditedInvoiceId, creditNote.BuyerEan).ShouldBe((invoice.InvoiceId, invoice.BuyerEan));
            creditNote.NetAmountOre.ShouldBe(-credited.Where(i => i.Kind == LedgerItemKind.Credit && i.PayerId == creditNote.PayerId).Sum(i => i.AmountOre));
            await PassesThePeppolRulesAsync(creditNote);
        }

        // Each document's event names the payer it bills.
        (await PaymentInvoicingTests.OutboxEventsAsync(suite, partnershipId)).ShouldBe(
            q2.Documents.Concat(q3.Documents).Select(d => (d.Kind == DocumentKind.Invoice ? "InvoiceIssued" : "CreditNoteIssued", d.Number, d.PayerId)));

        // The cost report per payer and in total, as of the third quarter's end (before the next fee falls due): the payers' earned
        // amounts sum to the whole; the counts are the partnership's.
        var total = await CostAsync(partnershipId, "");
        var fund = await CostAsync(partnershipId, "FUND");
        var kommune = await CostAsync(partnershipId, "KOMMUNE");
        var everything = await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, _ => true);
        total.Payers.Select(p => (p.PayerId, p.TotalEarnedOre)).ShouldBe(
            [("FUND", everything.Where(i => i.PayerId == "FUND").Sum(i => i.AmountOre)), ("KOMMUNE", everything.Where(i => i.PayerId == "KOMMUNE").Sum(i => i.AmountOre))]);
        (fund.TotalEarnedOre + kommune.TotalEarnedOre).ShouldBe(total.TotalEarnedOre);
        (fund.TotalEarnedOre, fund.PayerId).ShouldBe((total.Payers[0].TotalEarnedOre, "FUND"));
        (fund.CitizensHandedOver, kommune.CitizensHandedOver, total.CitizensHandedOver).ShouldBe((2, 2, 2), "a split handover is one citizen");
        (fund.MilestonesReached, total.MilestonesReached).ShouldBe((0, 0));
        fund.Years.ShouldAllBe(y => !y.HasBudgetOre, "budgets are the partnership's");
        fund.HasContractCapRemainingOre.ShouldBeTrue();
        fund.ContractCapRemainingOre.ShouldBe(FundCapOre - fund.TotalEarnedOre);
    }

    private const long ManagementFeeOre = 500_000;
    private const long FundCapOre = 100_000_000;

    private static SetRateCardRequest SplitRateCard(string partnershipId)
    {
        var card = TestRateCards.FullRateCard(partnershipId, ThinSlice.Day(2023, 3, 1));
        card.Payers.Add(new Payer { PayerId = "KOMMUNE", Name = "Haderslev Kommune", Cvr = "29189757", Ean = KommuneEan, ShareBasisPoints = 8_000 });
        card.Payers.Add(new Payer { PayerId = "FUND", Name = "Udfaldsfonden", Cvr = FundCvr, Ean = FundEan, ShareBasisPoints = 2_000, CapOre = FundCapOre });
        card.RemainderPayerId = "KOMMUNE";
        return card;
    }

    private async Task PassesThePeppolRulesAsync(Invoice document)
    {
        var exported = await suite.Clients.Payment.ExportInvoiceXmlAsync(new ExportInvoiceXmlRequest { InvoiceId = document.InvoiceId },
            deadline: SuiteClients.Deadline());
        var xml = XDocument.Parse(exported.Xml.ToStringUtf8());
        PeppolRuleChecker.Failures(xml).ShouldBeEmpty();
        var ubl = new PeppolRuleChecker.Ubl(xml);
        ubl.Text("/*/cac:AccountingCustomerParty/cac:Party/cbc:EndpointID").ShouldBe(document.BuyerEan);
        ubl.Text("/*/cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID").ShouldBe(document.BuyerCvr);
    }

    private async Task<GetPartnershipCostResponse> CostAsync(string partnershipId, string payerId) =>
        await suite.Clients.Payment.GetPartnershipCostAsync(new GetPartnershipCostRequest
        {
            PartnershipId = partnershipId, AsOf = ThinSlice.Day(2023, 9, 30), PayerId = payerId,
        }, deadline: SuiteClients.Deadline());
}
