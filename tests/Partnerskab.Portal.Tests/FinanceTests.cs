using System.Net;
using System.Text;
using Microsoft.Playwright;
using Partnerskab.Portal.Formatting;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Scenario.Haderslev;
using Partnerskab.Tokens;
using Shouldly;

namespace Partnerskab.Portal.Tests;

[Collection(PortalCollection.Name)]
public sealed class FinanceTests(PortalSuite portal, Browser browser)
{
    private static string Kroner(long ore) => PortalFormat.Kroner(ore, PortalFormat.Danish);

    [Fact]
    public async Task Finance_reads_the_rate_card_the_invoices_the_cost_with_and_without_VAT_and_the_reconciliation()
    {
        var id = portal.ReferencePartnershipId;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(portal.Url.ToString());
        await Pages.SignInAsync(page, PortalSuite.UserName(SuiteRoles.Finance), portal.PasswordOf(SuiteRoles.Finance));
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Økonomi" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Økonomi");
        await Browser.CheckAndCaptureAsync(page, "finance-start");

        await page.Locator($"a[href='/okonomi/partnerskaber/{id}/takstblade']").ClickAsync();
        (await page.Locator("#card-heading").InnerTextAsync()).ShouldBe("Takstblad version 1, gældende fra 1. marts 2023 (gælder i dag)");
        (await page.Locator("section dl.facts").InnerTextAsync()).ShouldContain("1.000,00 kr.");
        (await page.Locator("table:has(#prices-caption) tbody tr").CountAsync()).ShouldBe(6);
        await Browser.CheckAndCaptureAsync(page, "finance-rate-cards");

        var documents = (await portal.Services.Clients.Payment.ListInvoicesAsync(new ListInvoicesRequest { PartnershipId = id, AsOf = ReferencePlan.ReportDate },
            deadline: SuiteClients.Deadline())).Documents;
        await page.GotoAsync(new Uri(portal.Url, $"/okonomi/partnerskaber/{id}/fakturaer?dato=2025-10-20").ToString());
        (await page.Locator("table:has(#invoices-caption) tbody tr").CountAsync()).ShouldBe(documents.Count);
        await Browser.CheckAndCaptureAsync(page, "finance-invoices");
        var creditNote = documents.First(d => d.Kind == DocumentKind.CreditNote);
        await page.GetByRole(AriaRole.Link, new() { Name = creditNote.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), Exact = true }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe($"Kreditnota nr. {creditNote.Number}");
        (await page.Locator("table:has(#document-lines-caption) tbody tr").CountAsync()).ShouldBe(creditNote.Lines.Count);
        (await page.Locator("[data-total]").InnerTextAsync()).ShouldBe(Kroner(creditNote.TotalAmountOre));
        await Browser.CheckAndCaptureAsync(page, "finance-credit-note");

        // The cost as the committee reads it (seed 004): paid 0.3 + 2.4 + 0.8 = 3.5 mio. kr. without VAT; with VAT as the service says.
        await page.GotoAsync(new Uri(portal.Url, $"/okonomi/partnerskaber/{id}/omkostninger?dato=2025-10-20&moms=uden").ToString());
        (await page.Locator("#total-paid").InnerTextAsync()).ShouldBe("3.500.000,00 kr.");
        (await page.Locator("#total-expected").InnerTextAsync()).ShouldBe("5.600.000,00 kr.");
        await Browser.CheckAndCaptureAsync(page, "finance-cost-without-vat");
        await page.GetByLabel("Med moms (det kommunen betaler)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("moms=med"));
        var withVat = await portal.Services.Clients.Payment.GetPartnershipCostAsync(new GetPartnershipCostRequest { PartnershipId = id, AsOf = ReferencePlan.ReportDate },
            deadline: SuiteClients.Deadline());
        (await page.Locator("#total-paid").InnerTextAsync()).ShouldBe(Kroner(withVat.TotalPaidOre));
        withVat.TotalPaidOre.ShouldBe(437_500_000);
        (await page.Locator("#cost-lead").InnerTextAsync()).ShouldBe("Opgjort 20. oktober 2025, beløb med moms.");

        await page.GotoAsync(new Uri(portal.Url, "/okonomi/afstemning?dato=2025-10-20").ToString());
        var reconciled = await portal.Services.Clients.Payment.GetReconciliationAsync(new GetReconciliationRequest
        {
            IssuerCvr = portal.ProviderCvr, AsOf = ReferencePlan.ReportDate,
        }, deadline: SuiteClients.Deadline());
        (await page.Locator("table:has(#reconciled-caption) tbody tr").CountAsync()).ShouldBe(reconciled.Invoices.Count);
        (await page.Locator("#reconciliation-summary").InnerTextAsync()).ShouldStartWith($"CVR {portal.ProviderCvr} pr. 20. oktober 2025: {reconciled.Invoices.Count} fakturaer");
        await Browser.CheckAndCaptureAsync(page, "finance-reconciliation");
    }

    [Fact]
    public async Task Finance_previews_an_invoice_run_issues_it_downloads_the_e_invoice_and_records_the_bank_statement_that_pays_it()
    {
        // A partnership of its own with one citizen handed over in April 2023 (fee 10,000 kr. without VAT), monthly invoices.
        var slice = await ThinSlice.RunAsync(portal.Services.Clients, $"portal-finance-{Guid.NewGuid():N}"[..30], SyntheticCitizens.Cpr(70_019), TextWriter.Null);
        var id = slice.Partnership.PartnershipId;
        var issuer = slice.Partnership.Provider.Cvr;
        await portal.Services.Clients.Payment.SetRateCardAsync(new SetRateCardRequest
        {
            PartnershipId = id, EffectiveFrom = ThinSlice.Day(2023, 4, 1), HandoverFeeOre = ThinSlice.HandoverFeeOre,
            MilestonePrices = { new MilestonePrice { MilestoneCode = ThinSlice.JobStartCode, AmountOre = ThinSlice.JobStartPriceOre } },
            PayeeAccount = new PayeeAccount { BankRegistrationNumber = "9570", AccountNumber = "0012345678" },
        }, deadline: SuiteClients.Deadline());
        var password = PortalSuite.NewPassword();
        var (exitCode, output) = await portal.AddAccountAsync("demo-finance-run", "Demo finance run", issuer, SuiteRoles.Finance, id, password);
        exitCode.ShouldBe(0, output);

        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(portal.Url, $"/okonomi/partnerskaber/{id}/fakturakorsel").ToString());
        await Pages.SignInAsync(page, "demo-finance-run", password);

        // A period that does not start on the first of a month: the service's field violation, and nothing written.
        var refused = page.WaitForResponseAsync(r => r.Url.Contains("periode="));
        await page.GetByLabel("Periodens første dag").FillAsync("2023-04-15");
        await page.GetByLabel("Udstedelsesdag").FillAsync("2023-05-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis udkast" }).ClickAsync();
        (await refused).Status.ShouldBe((int)HttpStatusCode.BadRequest);
        (await page.Locator("#run-problems").InnerTextAsync()).ShouldContain("period_start: Skal være den første dag i en måned eller et kvartal.");
        await Browser.CheckAndCaptureAsync(page, "finance-invoice-run-refused");
        // In English the service's own wording.
        await Pages.SubmitAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync());
        (await page.Locator("#run-problems").InnerTextAsync()).ShouldContain("period_start: must be the first day of a month or quarter");
        await Pages.SubmitAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Dansk" }).ClickAsync());

        await page.GetByLabel("Periodens første dag").FillAsync("2023-04-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis udkast" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("periode=2023-04-01"));
        (await page.Locator("#drafts-heading").InnerTextAsync()).ShouldBe("Udkast for perioden fra 1. april 2023, udstedt 1. maj 2023");
        (await page.Locator("article").CountAsync()).ShouldBe(1);
        (await page.Locator("article [data-total]").InnerTextAsync()).ShouldBe("12.500,00 kr.");
        (await page.Locator("article").InnerTextAsync()).ShouldContain(slice.Citizen.CitizenId);
        await Browser.CheckAndCaptureAsync(page, "finance-invoice-run-preview");
        (await ListAsync(id)).ShouldBeEmpty("a preview writes nothing");

        await page.GetByRole(AriaRole.Button, new() { Name = "Udsted fakturaerne" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/fakturaer"));
        (await page.Locator("#run-notice").InnerTextAsync()).ShouldBe("1 dokumenter blev udstedt.");
        var invoice = (await ListAsync(id)).ShouldHaveSingleItem();
        invoice.TotalAmountOre.ShouldBe(1_250_000);
        invoice.Status.ShouldBe(InvoiceStatus.Overdue, "issued in 2023 with 30 days to pay, nothing paid yet");
        await Browser.CheckAndCaptureAsync(page, "finance-invoices-issued");

        await page.GetByRole(AriaRole.Link, new() { Name = invoice.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), Exact = true }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Hent e-faktura" }).ClickAsync());
        download.SuggestedFilename.ShouldBe($"invoice-{issuer}-{invoice.Number}.xml");
        var xml = await File.ReadAllTextAsync((await download.PathAsync())!);
        xml.ShouldContain("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2");
        xml.ShouldContain("<cbc:PayableAmount currencyID=\"DKK\">12500.00</cbc:PayableAmount>");
        await Browser.CheckAndCaptureAsync(page, "finance-invoice");

        // A CSV statement with a line that cannot be read: the page says which and why, and nothing is recorded.
        await page.GotoAsync(new Uri(portal.Url, "/okonomi/bankudtog").ToString());
        await Browser.CheckAndCaptureAsync(page, "finance-bank-statement");
        var upload = page.WaitForResponseAsync(r => r.Request.Method == "POST");
        await page.GetByLabel("Bankudtog (CSV eller camt.053 XML)").SetInputFilesAsync(new FilePayload
        {
            Name = "kontoudtog.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes($"bank_line_id;booked_on;amount;reference\n{id}-a;2023-05-20;12500,00;Faktura {invoice.Number}\n{id}-b;20-05-2023;-1;Faktura 0\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrér indbetalingerne" }).ClickAsync();
        (await upload).Status.ShouldBe((int)HttpStatusCode.BadRequest);
        (await page.Locator("#statement-problems").InnerTextAsync()).ShouldContain("Linje 3: booked_on: '20-05-2023' is not a date as YYYY-MM-DD; amount: '-1' is not a positive amount");
        await Browser.CheckAndCaptureAsync(page, "finance-bank-statement-refused");
        (await ListAsync(id)).Single().PaidOre.ShouldBe(0);

        // The bank's camt.053 statement: the kommune's payment is recorded, the bank's fee (a debit) skipped.
        await page.GetByLabel("Bankudtog (CSV eller camt.053 XML)").SetInputFilesAsync(new FilePayload
        {
            Name = "camt053.xml", MimeType = "application/xml", Buffer = Encoding.UTF8.GetBytes(Camt053(id, invoice.Number)),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrér indbetalingerne" }).ClickAsync();
        (await page.Locator("#statement-summary").InnerTextAsync()).ShouldBe("camt.053: 1 registreret, 0 registreret før (uændret), 1 poster sprunget over (udbetalinger eller ikke bogført).");
        (await page.Locator("table:has(#recorded-caption) tbody").InnerTextAsync()).ShouldContain("12.500,00 kr.");
        await Browser.CheckAndCaptureAsync(page, "finance-bank-statement-recorded");

        await page.GetByRole(AriaRole.Link, new() { Name = "Afstemning" }).Last.ClickAsync();
        var row = page.Locator("table:has(#reconciled-caption) tbody tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = invoice.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), Exact = true }) });
        (await row.InnerTextAsync()).ShouldContain("Betalt");
        (await row.InnerTextAsync()).ShouldContain("I orden");
        (await ListAsync(id)).Single().Status.ShouldBe(InvoiceStatus.Paid);
    }

    private async Task<IReadOnlyList<Invoice>> ListAsync(string partnershipId) =>
        (await portal.Services.Clients.Payment.ListInvoicesAsync(new ListInvoicesRequest { PartnershipId = partnershipId }, deadline: SuiteClients.Deadline())).Documents;

    /// <summary>A day's statement as a Danish bank delivers it: the kommune's transfer naming the invoice, and the bank's fee.</summary>
    private static string Camt053(string partnershipId, long invoiceNumber) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>STMT-{partnershipId[..8]}</MsgId><CreDtTm>2023-05-21T05:00:00</CreDtTm></GrpHdr>
            <Stmt>
              <Id>{partnershipId[..8]}-2023-05-20</Id>
              <CreDtTm>2023-05-21T05:00:00</CreDtTm>
              <Acct><Id><IBAN>DK5095700012345678</IBAN></Id><Ccy>DKK</Ccy></Acct>
              <Ntry>
                <Amt Ccy="DKK">12500.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>2023-05-20</Dt></BookgDt><ValDt><Dt>2023-05-20</Dt></ValDt>
                <AcctSvcrRef>{partnershipId}-1</AcctSvcrRef>
                <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Haderslev Kommune</Nm></Dbtr></RltdPties><RmtInf><Ustrd>Faktura {invoiceNumber}</Ustrd></RmtInf></TxDtls></NtryDtls>
              </Ntry>
              <Ntry>
                <Amt Ccy="DKK">25.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>2023-05-20</Dt></BookgDt><AcctSvcrRef>{partnershipId}-2</AcctSvcrRef><AddtlNtryInf>Gebyr</AddtlNtryInf>
              </Ntry>
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """;
}
