using System.Xml.Linq;
using Grpc.Core;
using Partnerskab.Cli.Finance;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Payment.Tests.EInvoicing;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Shouldly;

namespace Partnerskab.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class PaymentEInvoiceTests(SuiteFixture suite)
{
    [Fact]
    public async Task An_issued_invoice_and_its_credit_note_export_as_peppol_documents_that_pass_the_rules()
    {
        var (_, invoice, creditNote) = await InvoicedAndCreditedAsync("einv-rpc", 350);

        var exportedInvoice = await ExportAsync(invoice.InvoiceId);
        var exportedCreditNote = await ExportAsync(creditNote.InvoiceId);

        (exportedInvoice.Kind, exportedInvoice.Number, exportedInvoice.FileName)
            .ShouldBe((DocumentKind.Invoice, invoice.Number, $"invoice-{invoice.IssuerCvr}-{invoice.Number}.xml"));
        (exportedCreditNote.Kind, exportedCreditNote.Number, exportedCreditNote.FileName)
            .ShouldBe((DocumentKind.CreditNote, creditNote.Number, $"creditnote-{creditNote.IssuerCvr}-{creditNote.Number}.xml"));
        var invoiceXml = XDocument.Parse(exportedInvoice.Xml.ToStringUtf8());
        var creditNoteXml = XDocument.Parse(exportedCreditNote.Xml.ToStringUtf8());
        PeppolRuleChecker.Failures(invoiceXml).ShouldBeEmpty();
        PeppolRuleChecker.Failures(creditNoteXml).ShouldBeEmpty();

        var checkedInvoice = new PeppolRuleChecker.Ubl(invoiceXml);
        checkedInvoice.Text("/*/cbc:ID").ShouldBe(invoice.Number.ToString());
        checkedInvoice.Text("/*/cac:AccountingCustomerParty/cac:Party/cbc:EndpointID").ShouldBe(invoice.BuyerEan);
        checkedInvoice.Text("/*/cac:AccountingSupplierParty/cac:Party/cbc:EndpointID").ShouldBe(invoice.IssuerCvr);
        checkedInvoice.Text("/*/cbc:BuyerReference").ShouldBe(invoice.BuyerReference);
        checkedInvoice.Text("/*/cac:LegalMonetaryTotal/cbc:PayableAmount").ShouldBe(Decimal2(invoice.TotalAmountOre));
        checkedInvoice.Text("/*/cac:TaxTotal/cbc:TaxAmount").ShouldBe(Decimal2(invoice.VatAmountOre));
        checkedInvoice.Lines.Count().ShouldBe(invoice.Lines.Count);
        var checkedCreditNote = new PeppolRuleChecker.Ubl(creditNoteXml);
        checkedCreditNote.Text("/*/cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID").ShouldBe(invoice.Number.ToString());
        checkedCreditNote.Text("/*/cac:LegalMonetaryTotal/cbc:PayableAmount").ShouldBe(Decimal2(creditNote.TotalAmountOre));

        (await ExportAsync(invoice.InvoiceId)).Xml.ShouldBe(exportedInvoice.Xml, "the same document always gives the same bytes");
        var missing = await Should.ThrowAsync<RpcException>(() => ExportAsync(Guid.NewGuid().ToString()));
        missing.StatusCode.ShouldBe(StatusCode.NotFound);
    }

    [Fact]
    public async Task The_finance_command_line_runs_invoices_and_writes_every_issued_document_as_a_file_that_passes_the_rules()
    {
        var (partnershipId, invoice, creditNote) = await InvoicedAndCreditedAsync("einv-cli", 352);
        var dir = Directory.CreateTempSubdirectory("partnerskab-finance-");
        var output = new StringWriter();
        var finance = new InvoiceDocuments(suite.Clients.Payment, output);

        var rerun = await finance.RunAsync(partnershipId, ThinSlice.Day(2023, 7, 1), ThinSlice.Day(2023, 10, 2), preview: false);
        var files = await finance.ExportAsync(partnershipId, dir.FullName);

        rerun.Created.ShouldBeFalse();
        rerun.Documents.Select(d => d.InvoiceId).ShouldContain(creditNote.InvoiceId);
        output.ToString().ShouldContain("This period was invoiced before");
        files.Select(Path.GetFileName).ShouldBe(
            [$"invoice-{invoice.IssuerCvr}-{invoice.Number}.xml", .. rerun.Documents.Select(d => $"{(d.Kind == DocumentKind.CreditNote ? "creditnote" : "invoice")}-{d.IssuerCvr}-{d.Number}.xml")],
            ignoreOrder: true);
        foreach (var file in files)
        {
            PeppolRuleChecker.Failures(XDocument.Load(file)).ShouldBeEmpty(file);
        }
        output.ToString().ShouldContain($"{files.Count} Peppol BIS Billing 3.0 file(s) written");
        dir.Delete(recursive: true);
    }

    /// <summary>
    /// A partnership whose second quarter of 2023 is invoiced (a handover fee and a job start), and
    /// whose job start is then revoked, so the third quarter's run issues a credit note for it.
    /// </summary>
    private async Task<(string PartnershipId, Invoice Invoice, Invoice CreditNote)> InvoicedAndCreditedAsync(string prefix, int citizen)
    {
        var (partnershipId, citizens) = await PaymentTestData.PartnershipAsync(suite.Clients, prefix,
            id => TestRateCards.FullRateCard(id, ThinSlice.Day(2023, 3, 1)), citizen);
        var achieved = new
        {
            MilestoneId = Guid.NewGuid(), PartnershipId = Guid.Parse(partnershipId), CitizenId = citizens[0], MilestoneCode = TestRateCards.JobStart,
        };
        await PaymentTestData.PublishAsync(suite, "outcome", "Outcome.MilestoneAchieved",
            new { achieved.MilestoneId, achieved.PartnershipId, achieved.CitizenId, achieved.MilestoneCode, AchievedOn = new DateOnly(2023, 5, 10) });
        await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Count == 2);
        var invoice = (await PaymentInvoicingTests.RunAsync(suite.Clients, partnershipId, ThinSlice.Day(2023, 4, 1), ThinSlice.Day(2023, 7, 3)))
            .Documents.ShouldHaveSingleItem();

        await PaymentTestData.PublishAsync(suite, "outcome", "Outcome.MilestoneRevoked", new
        {
            achieved.MilestoneId, achieved.PartnershipId, achieved.CitizenId, achieved.MilestoneCode,
            RevokedOn = new DateOnly(2023, 8, 15), Reason = "register shows no employment",
        });
        await PaymentTestData.LedgerAsync(suite.Clients, partnershipId, items => items.Any(i => i.Kind == LedgerItemKind.Credit));
        var q3 = await PaymentInvoicingTests.RunAsync(suite.Clients, partnershipId, ThinSlice.Day(2023, 7, 1), ThinSlice.Day(2023, 10, 2));
        return (partnershipId, invoice, q3.Documents.Single(d => d.Kind == DocumentKind.CreditNote));
    }

    private Task<ExportInvoiceXmlResponse> ExportAsync(string invoiceId) =>
        suite.Clients.Payment.ExportInvoiceXmlAsync(new ExportInvoiceXmlRequest { InvoiceId = invoiceId }, deadline: SuiteClients.Deadline()).ResponseAsync;

    private static string Decimal2(long ore) => (ore / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
