using Grpc.Core;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Shouldly;
using Date = Google.Type.Date;

namespace Partnerskab.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class PaymentReconciliationTests(SuiteFixture suite)
{
    private const string Issuer = "12345678";

    [Fact]
    public async Task Payments_recorded_once_per_bank_line_are_matched_by_reference_and_every_mismatch_is_reported_as_of_a_date()
    {
        var (partnershipId, _) = await PaymentTestData.PartnershipAsync(suite.Clients, "recon",
            id => TestRateCards.FullRateCard(id, ThinSlice.Day(2023, 3, 1)), 340);
        await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Count == 1);
        var paidTwice = await InvoiceAsync(partnershipId, ThinSlice.Day(2023, 4, 1), ThinSlice.Day(2023, 7, 3));
        var underpaid = await InvoiceAsync(partnershipId, ThinSlice.Day(2023, 7, 1), ThinSlice.Day(2023, 10, 2));
        var overpaid = await InvoiceAsync(partnershipId, ThinSlice.Day(2023, 10, 1), ThinSlice.Day(2024, 1, 2));
        var unpaid = await InvoiceAsync(partnershipId, ThinSlice.Day(2024, 1, 1), ThinSlice.Day(2024, 4, 2));
        var run = Guid.NewGuid().ToString("N");
        BankStatementLine Line(string id, long amountOre, Date bookedOn, string reference) =>
            new() { BankLineId = $"{run}-{id}", AmountOre = amountOre, BookedOn = bookedOn, Reference = reference };
        var statement = new[]
        {
            Line("1", paidTwice.TotalAmountOre, ThinSlice.Day(2023, 7, 20), $"Faktura {paidTwice.Number}"),
            Line("2", paidTwice.TotalAmountOre, ThinSlice.Day(2023, 7, 28), $"Haderslev Kommune fak. {paidTwice.Number}"),
            Line("3", underpaid.TotalAmountOre - 100, ThinSlice.Day(2023, 10, 20), $"{underpaid.Number}"),
            Line("4", overpaid.TotalAmountOre + 100, ThinSlice.Day(2024, 1, 20), $"INV-{overpaid.Number}"),
            Line("5", 12_345, ThinSlice.Day(2024, 1, 21), "husleje januar"),
        };

        var recorded = await RecordAsync(statement);
        recorded.Lines.Select(l => l.Result).ShouldAllBe(r => r == PaymentLineResult.Recorded);
        var before = await suite.RowCountsAsync();
        (await RecordAsync(statement)).Lines.Select(l => l.Result).ShouldAllBe(r => r == PaymentLineResult.Unchanged);
        var changed = await Should.ThrowAsync<RpcException>(() => RecordAsync([statement[0], Line("2", 1, ThinSlice.Day(2023, 7, 28), "x")]));
        changed.StatusCode.ShouldBe(StatusCode.AlreadyExists);
        (await suite.RowCountsAsync()).ShouldBe(before, "a statement sent again writes nothing");

        var report = await ReconcileAsync(partnershipId, ThinSlice.Day(2024, 6, 1));
        Findings(report, paidTwice).ShouldBe([ReconciliationFinding.PaidTwice]);
        Findings(report, underpaid).ShouldBe([ReconciliationFinding.Underpaid, ReconciliationFinding.Overdue]);
        Findings(report, overpaid).ShouldBe([ReconciliationFinding.Overpaid]);
        Findings(report, unpaid).ShouldBe([ReconciliationFinding.Overdue]);
        report.Invoices.Single(i => i.Number == paidTwice.Number).BankLineIds.ShouldBe([$"{run}-1", $"{run}-2"]);
        report.UnknownReferences.Where(l => l.BankLineId.StartsWith(run)).Select(l => l.BankLineId).ShouldBe([$"{run}-5"]);

        // Before the second payment of the first invoice was booked, that invoice was simply paid.
        var earlier = await ReconcileAsync(partnershipId, ThinSlice.Day(2023, 7, 27));
        earlier.Invoices.Select(i => (i.Number, i.Status, i.Findings.Count)).ShouldBe([(paidTwice.Number, InvoiceStatus.Paid, 0)]);

        var listed = (await suite.Clients.Payment.ListInvoicesAsync(new ListInvoicesRequest { PartnershipId = partnershipId, AsOf = ThinSlice.Day(2024, 6, 1) },
            deadline: SuiteClients.Deadline())).Documents;
        listed.Select(d => (d.Number, d.Status, d.PaidOre, d.OutstandingOre)).ShouldBe([
            (paidTwice.Number, InvoiceStatus.Paid, 2 * paidTwice.TotalAmountOre, -paidTwice.TotalAmountOre),
            (underpaid.Number, InvoiceStatus.Overdue, underpaid.TotalAmountOre - 100, 100L),
            (overpaid.Number, InvoiceStatus.Paid, overpaid.TotalAmountOre + 100, -100L),
            (unpaid.Number, InvoiceStatus.Overdue, 0L, unpaid.TotalAmountOre),
        ]);
    }

    private async Task<Invoice> InvoiceAsync(string partnershipId, Date periodStart, Date issueDate) =>
        (await PaymentInvoicingTests.RunAsync(suite.Clients, partnershipId, periodStart, issueDate)).Documents.ShouldHaveSingleItem();

    private async Task<RecordPaymentsResponse> RecordAsync(IEnumerable<BankStatementLine> lines) =>
        await suite.Clients.Payment.RecordPaymentsAsync(new RecordPaymentsRequest { IssuerCvr = Issuer, Lines = { lines } },
            deadline: SuiteClients.Deadline());

    private async Task<GetReconciliationResponse> ReconcileAsync(string partnershipId, Date asOf) =>
        await suite.Clients.Payment.GetReconciliationAsync(new GetReconciliationRequest { IssuerCvr = Issuer, PartnershipId = partnershipId, AsOf = asOf },
            deadline: SuiteClients.Deadline());

    private static IEnumerable<ReconciliationFinding> Findings(GetReconciliationResponse report, Invoice invoice) =>
        report.Invoices.Single(i => i.InvoiceId == invoice.InvoiceId).Findings;
}
