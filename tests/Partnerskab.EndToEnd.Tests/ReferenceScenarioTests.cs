using System.Xml.Linq;
using Partnerskab.Cli.Finance;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Payment.Tests.EInvoicing;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Scenario.Haderslev;
using Shouldly;

namespace Partnerskab.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class ReferenceScenarioTests(SuiteFixture suite)
{
    [Fact]
    public async Task The_Haderslev_scenario_costs_what_the_reference_case_says_its_documents_pass_the_rules_and_a_second_run_changes_nothing()
    {
        // Its own provider, so that no other test's payments or invoice numbers meet the scenario's.
        var reference = TestCitizens.UniqueReference("haderslev");
        var providerCvr = Random.Shared.Next(20_000_000, 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var log = new StringWriter();

        var result = await ReferenceScenario.RunAsync(suite.Clients, reference, providerCvr, log);

        result.Differences.ShouldBeEmpty(log.ToString());
        var cost = result.Cost;
        cost.ExcludingVat.ShouldBeTrue();
        cost.Years.Select(y => (y.Year, y.EarnedOre, y.PaidOre, y.InvoicedUnpaidOre, y.EarnedNotInvoicedOre, y.ExpectedOre)).ShouldBe(
        [
            (2023, 95_000_000L, 30_000_000L, 0L, 0L, 30_000_000L),
            (2024, 255_000_000L, 240_000_000L, 0L, 0L, 240_000_000L),
            (2025, 210_000_000L, 80_000_000L, 0L, 210_000_000L, 290_000_000L),
        ]);
        cost.Years.Select(y => (y.BudgetOre, y.ShareSpentBasisPoints, y.ExpectedDifferenceOre)).ShouldBe(
            [(50_000_000L, 6_000L, 20_000_000L), (250_000_000L, 9_600L, 10_000_000L), (260_000_000L, 3_077L, -30_000_000L)]);
        (cost.TotalPaidOre, cost.TotalInvoicedUnpaidOre, cost.TotalEarnedNotInvoicedOre, cost.TotalExpectedOre)
            .ShouldBe((350_000_000L, 0L, 210_000_000L, 560_000_000L));
        (cost.CitizensHandedOver, cost.VerifiedOutcomes, cost.LedgerItems).ShouldBe((150, 83 + 51 + 39, ReferencePlan.LedgerItems));

        // With VAT, the same facts: what left the kommune's account, 25 % more.
        var withVat = await suite.Clients.Payment.GetPartnershipCostAsync(new GetPartnershipCostRequest
        {
            PartnershipId = result.PartnershipId, AsOf = ReferencePlan.ReportDate,
        }, deadline: SuiteClients.Deadline());
        (withVat.TotalPaidOre, withVat.TotalExpectedOre).ShouldBe((437_500_000L, 700_000_000L));
        // After the final bill is issued (2025-11-03) the 2.1 mio is invoiced, unpaid.
        var afterFinalBill = await suite.Clients.Payment.GetPartnershipCostAsync(new GetPartnershipCostRequest
        {
            PartnershipId = result.PartnershipId, AsOf = ThinSlice.Day(2025, 12, 31), ExcludingVat = true,
        }, deadline: SuiteClients.Deadline());
        (afterFinalBill.TotalPaidOre, afterFinalBill.TotalInvoicedUnpaidOre, afterFinalBill.TotalEarnedNotInvoicedOre)
            .ShouldBe((350_000_000L, 210_000_000L, 0L));

        result.Documents.Count(d => d.Kind == DocumentKind.Invoice).ShouldBe(ReferencePlan.Runs.Length);
        var creditNote = result.Documents.Where(d => d.Kind == DocumentKind.CreditNote).ShouldHaveSingleItem();
        creditNote.NetAmountOre.ShouldBe(ReferencePlan.HandoverFeeOre);
        foreach (var document in result.Documents)
        {
            var export = await suite.Clients.Payment.ExportInvoiceXmlAsync(new ExportInvoiceXmlRequest { InvoiceId = document.InvoiceId },
                deadline: SuiteClients.Deadline());
            PeppolRuleChecker.Failures(XDocument.Parse(export.Xml.ToStringUtf8())).ShouldBeEmpty(export.FileName);
        }

        var counts = await suite.RowCountsAsync();
        var again = await ReferenceScenario.RunAsync(suite.Clients, reference, providerCvr, TextWriter.Null);
        again.PartnershipId.ShouldBe(result.PartnershipId);
        again.Documents.Select(d => (d.InvoiceId, d.Number)).ShouldBe(result.Documents.Select(d => (d.InvoiceId, d.Number)));
        again.Differences.ShouldBeEmpty();
        (await suite.RowCountsAsync()).ShouldBe(counts);
    }
}
