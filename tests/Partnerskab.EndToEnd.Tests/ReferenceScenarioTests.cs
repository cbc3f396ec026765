using System.Text.Json.Nodes;
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
    // Loaded once for the class (the tests of a collection run one at a time), with its own
    // provider, so that no other test's payments or invoice numbers meet the scenario's.
    private static readonly string Reference = TestCitizens.UniqueReference("haderslev");
    private static readonly string ProviderCvr = Random.Shared.Next(20_000_000, 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
    private static readonly StringWriter Log = new();
    private static Task<ReferenceScenario.Result>? loaded;

    private Task<ReferenceScenario.Result> LoadedAsync() => loaded ??= ReferenceScenario.RunAsync(suite.Clients, Reference, ProviderCvr, Log);

    [Fact]
    public async Task The_Haderslev_scenario_costs_what_the_reference_case_says_its_documents_pass_the_rules_and_a_second_run_changes_nothing()
    {
        var result = await LoadedAsync();
        var log = Log.ToString();

        result.Differences.ShouldBeEmpty(log);
        result.Cost.KnownOn.ShouldBe(ReferencePlan.ReportDate);
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
        (cost.CitizensHandedOver, cost.MilestonesReached, cost.LedgerItems).ShouldBe((150, 83 + 51 + 39, ReferencePlan.LedgerItems));

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
        var invoices = result.Documents.Where(d => d.Kind == DocumentKind.Invoice).ToDictionary(d => d.PeriodStart);
        var creditNotes = result.Documents.Where(d => d.Kind == DocumentKind.CreditNote).ToList();
        // The wrongly enrolled citizen's fee, learnt in Q3 2023, and the register's correction, learnt on 2024-04-15: each in
        // the run of the quarter it was learnt in, crediting the invoice of the closed quarter it corrects.
        creditNotes.Select(c => (c.PeriodStart, c.IssueDate, c.CreditedInvoiceId, c.NetAmountOre)).ShouldBe(
        [
            (ReferencePlan.Runs[1].PeriodStart, ReferencePlan.Runs[1].IssueDate, invoices[ReferencePlan.Runs[0].PeriodStart].InvoiceId, ReferencePlan.HandoverFeeOre),
            (ReferencePlan.Runs[4].PeriodStart, ReferencePlan.Runs[4].IssueDate, invoices[ReferencePlan.Runs[3].PeriodStart].InvoiceId, 3_000_000L),
        ]);
        creditNotes[1].Lines.ShouldHaveSingleItem().Description.ShouldContain("cause: status-week 2023-W52, reported by ");
        var credit = await suite.Clients.Payment.ExplainLedgerItemAsync(new ExplainLedgerItemRequest
        {
            PartnershipId = result.PartnershipId, ItemId = creditNotes[1].Lines[0].LedgerItemId,
        },
            deadline: SuiteClients.Deadline());
        (credit.Item.BookedOn, credit.Correction.Kind, credit.Correction.Reference).ShouldBe((ThinSlice.Day(2024, 4, 15), "status-week", "2023-W52"));
        // The moved milestone's own quarter was closed: it is billed on the Q2 2024 invoice beside the credit note.
        invoices[ReferencePlan.Runs[4].PeriodStart].NetAmountOre.ShouldBe(134_000_000L);
        invoices[ReferencePlan.Runs[3].PeriodStart].NetAmountOre.ShouldBe(41_000_000L);
        log.ShouldContain($"credit note {creditNotes[1].Number}, issued 2024-07-01");
        foreach (var document in result.Documents)
        {
            var export = await suite.Clients.Payment.ExportInvoiceXmlAsync(new ExportInvoiceXmlRequest { InvoiceId = document.InvoiceId },
                deadline: SuiteClients.Deadline());
            PeppolRuleChecker.Failures(XDocument.Parse(export.Xml.ToStringUtf8())).ShouldBeEmpty(export.FileName);
        }

        var counts = await suite.RowCountsAsync();
        var again = await ReferenceScenario.RunAsync(suite.Clients, Reference, ProviderCvr, TextWriter.Null);
        again.PartnershipId.ShouldBe(result.PartnershipId);
        again.Documents.Select(d => (d.InvoiceId, d.Number)).ShouldBe(result.Documents.Select(d => (d.InvoiceId, d.Number)));
        again.Differences.ShouldBeEmpty();
        (await suite.RowCountsAsync()).ShouldBe(counts);
    }

    [Fact]
    public async Task The_Haderslev_scenario_prints_its_business_case_against_the_synthetic_curve_and_comparison_group_with_its_cost()
    {
        var result = await LoadedAsync();

        result.BusinessCase.Cases.Select(c => c.Comparison).ShouldBe([Protos.Outcome.V1.BusinessCaseComparison.ExpectedCurve, Protos.Outcome.V1.BusinessCaseComparison.Group]);
        result.BusinessCase.Inputs.RatesSource.ShouldStartWith("synthetic");
        result.BusinessCase.Inputs.CurveSource.ShouldStartWith("synthetic");
        foreach (var @case in result.BusinessCase.Cases)
        {
            // Every citizen but the one exited as wrongly enrolled, each followed the whole 24 months by the report date.
            @case.CohortCitizens.ShouldBe(ReferencePlan.Citizens - 1);
            @case.Months.Count.ShouldBe(24);
            @case.Reason.ShouldBeEmpty();
            var estimate = @case.Estimate;
            estimate.AdditionalSelfSufficientWeeksHundredths.ShouldBeInRange(estimate.AdditionalSelfSufficientWeeksLowHundredths, estimate.AdditionalSelfSufficientWeeksHighHundredths);
            estimate.GrossSavingOre.ShouldBeInRange(estimate.GrossSavingLowOre, estimate.GrossSavingHighOre);
            estimate.NetToDateOre.ShouldBe(estimate.GrossSavingOre - result.Cost.TotalToDateOre);
        }
        // The whole synthetic group, 24 months each, matched by month since it entered the target group.
        var group = result.BusinessCase.Cases[1];
        group.ComparisonCitizens.ShouldBe(ReferencePlan.ComparisonCitizens);
        group.Months.ShouldAllBe(m => m.Comparison.Citizens == ReferencePlan.ComparisonCitizens);
        Log.ToString().ShouldContain("  Against the expected curve: ");
        Log.ToString().ShouldContain($", {ReferencePlan.ComparisonCitizens} of the comparison group");
    }

    [Fact]
    public async Task The_Haderslev_scenario_passes_the_outcome_payments_through_to_the_investor_and_prints_its_position_and_the_public_INDIGO_record()
    {
        var result = await LoadedAsync();
        var log = Log.ToString();

        var position = result.InvestorPosition;
        (position.CommittedOre, position.DrawnOre, position.OutcomePaymentsOre).ShouldBe((300_000_000L, 250_000_000L, ReferencePlan.InvestorOutcomePaymentsOre));
        // 3,072,195.12 DKK passed through against 2,500,000 drawn: all of the capital repaid, the rest a return.
        (position.RepaidOre, position.ReturnedOre, position.OutstandingOre, position.UndrawnOre).ShouldBe((250_000_000L, 57_219_512L, 0L, 50_000_000L));
        position.MultipleTenThousandths.ShouldBe(12_289, "3,072,195.12 back of 2,500,000 in: 1.22888 times");
        position.RateOfReturnStatus.ShouldBe(RateOfReturnStatus.Rate);
        // Computed apart from the service (bisection over the same seven dated cash flows, Actual/365): 19.0488 % a year.
        position.RateOfReturn.ShouldBe(0.190488282, 1e-8);

        var passedThrough = (await suite.Clients.Payment.ListInvestorCashFlowsAsync(new ListInvestorCashFlowsRequest { PartnershipId = result.PartnershipId },
            deadline: SuiteClients.Deadline())).CashFlows.Where(f => f.Kind == InvestorCashFlowKind.OutcomePayment);
        // One per paid invoice with milestones, on its payment's day: the Q1 2024 payment, short of the credited 26 weeks, passes
        // its share of the milestone lines (475,000 of 512,500 paid × 380,000), the others their milestones in full.
        passedThrough.Select(f => (FinanceDates.Text(f.OccurredOn), f.AmountOre)).ShouldBe(
        [
            ("2023-10-25", 4_000_000L), ("2024-01-24", 60_000_000L), ("2024-04-24", 35_219_512L), ("2024-07-24", 131_000_000L), ("2025-01-22", 77_000_000L),
        ]);
        log.ShouldContain("the investor's cash flows are synthetic");
        log.ShouldContain(InvestorView.Position(position));

        var record = JsonNode.Parse(result.Indigo.RecordJson)!.AsObject();
        // The outcome payments and the maximum payment stay private.
        record.Select(p => p.Key).Order(StringComparer.Ordinal).ToList().ShouldBe(
            ["dates", "investments", "name", "outcome_metrics", "outcome_pricings", "results", "status"]);
        record["investments"]![0]!["investment_commitment"]!["amount"]!["exact"]!["value"]!.GetValue<decimal>().ShouldBe(3_000_000m);
        record["results"]![0]!["number_with_positive_social_outcomes"]!["value"]!.GetValue<int>().ShouldBe(83);
        log.ShouldContain(result.Indigo.RecordJson);
        log.ShouldContain("its public part only; private: maximum_outcome_payment, outcome_payments");
    }

    [Fact]
    public async Task The_finance_commands_print_the_scenarios_cost_and_reconciliation_and_import_a_bank_statement_once()
    {
        var result = await LoadedAsync();
        var output = new StringWriter();
        var finance = new BankPayments(suite.Clients.Payment, output);

        await new PartnershipCost(suite.Clients.Payment, output).ShowAsync(result.PartnershipId, ReferencePlan.ReportDate, excludingVat: true);
        var cost = output.ToString().Split('\n');
        cost[0].ShouldBe($"  Cost of partnership {result.PartnershipId} as of 2025-10-20, DKK excluding VAT");
        cost.ShouldContain(l => l.StartsWith("  2024  ") && l.Contains(" 2,400,000.00 ") && l.Contains(" 96.00 % "));
        cost.ShouldContain(l => l.StartsWith("  total ") && l.Contains(" 3,500,000.00 ") && l.Contains(" 5,600,000.00 "));
        cost.ShouldContain("  still expected (expected less paid): 2,100,000.00");

        // Before the credit note, the first invoice was paid short by the wrongly enrolled citizen's fee.
        var early = await finance.ReconcileAsync(ProviderCvr, ThinSlice.Day(2023, 8, 1), result.PartnershipId);
        early.Invoices.ShouldHaveSingleItem().Findings.ShouldBe([ReconciliationFinding.Underpaid]);
        var final = result.Documents.Single(d => d.PeriodStart.Equals(ReferencePlan.Runs[^1].PeriodStart));
        var late = await finance.ReconcileAsync(ProviderCvr, ThinSlice.Day(2026, 1, 15), null);
        late.Invoices.Where(i => i.Findings.Count > 0).ShouldHaveSingleItem().Number.ShouldBe(final.Number);
        late.Invoices.Single(i => i.Number == final.Number).Findings.ShouldBe([ReconciliationFinding.Overdue]);
        output.ToString().ShouldContain("  underpaid 0, overpaid 0, paid twice 0, overdue 1, unknown reference 0");

        var statement = Path.Combine(Directory.CreateTempSubdirectory("partnerskab-statement-").FullName, "statement.csv");
        await File.WriteAllLinesAsync(statement, ["bank_line_id;booked_on;amount;reference", $"{Reference}:unknown;2026-01-20;1250,00;Tak for kaffen"]);
        (await finance.ImportAsync(ProviderCvr, statement)).ShouldBe(0);
        output.ToString().ShouldContain("  1 recorded, 0 recorded before (unchanged)");
        (await finance.ImportAsync(ProviderCvr, statement)).ShouldBe(0);
        output.ToString().ShouldContain("  0 recorded, 1 recorded before (unchanged)");
        var withUnknown = await finance.ReconcileAsync(ProviderCvr, ThinSlice.Day(2026, 1, 31), null);
        withUnknown.UnknownReferences.ShouldHaveSingleItem().AmountOre.ShouldBe(125_000);

        await File.WriteAllLinesAsync(statement, ["bank_line_id;booked_on;amount;reference", $"{Reference}:bad;2026-01-20;-5;Faktura 1"]);
        (await finance.ImportAsync(ProviderCvr, statement)).ShouldBe(1);
        (await finance.ReconcileAsync(ProviderCvr, ThinSlice.Day(2026, 1, 31), null)).UnknownReferences.Count.ShouldBe(1);
        Directory.Delete(Path.GetDirectoryName(statement)!, recursive: true);
    }
}
