using System.Text;
using System.Xml.Linq;
using System.Xml.XPath;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Partnerskab.Payment.EInvoicing;

namespace Partnerskab.Payment.Tests.EInvoicing;

public sealed class PeppolBisWriterTests
{
    private static readonly System.Xml.XmlNamespaceManager Namespaces = PeppolRuleChecker.Namespaces();

    [Fact]
    public void An_invoice_with_a_capped_line_passes_every_rule()
    {
        PeppolRuleChecker.Failures(PeppolBisWriter.Write(EInvoiceSamples.Invoice())).ShouldBeEmpty();
    }

    [Fact]
    public void A_credit_note_passes_every_rule()
    {
        PeppolRuleChecker.Failures(PeppolBisWriter.Write(EInvoiceSamples.CreditNote())).ShouldBeEmpty();
    }

    [Fact]
    public void A_vat_exempt_invoice_passes_every_rule_with_category_E_and_a_reason()
    {
        var xml = PeppolBisWriter.Write(EInvoiceSamples.Invoice(vatRateBasisPoints: 0));

        PeppolRuleChecker.Failures(xml).ShouldBeEmpty();
        Text(xml, "//cac:TaxSubtotal/cac:TaxCategory/cbc:ID").ShouldBe("E");
        Text(xml, "//cac:TaxSubtotal/cbc:TaxAmount").ShouldBe("0.00");
    }

    [Fact]
    public void Without_a_payee_account_the_invoice_has_payment_means_not_defined_and_still_passes()
    {
        var document = EInvoiceSamples.Invoice() with { PayeeAccount = null };
        var xml = PeppolBisWriter.Write(document);

        PeppolRuleChecker.Failures(xml).ShouldBeEmpty();
        Text(xml, "//cac:PaymentMeans/cbc:PaymentMeansCode").ShouldBe("1");
        Text(xml, "//cac:PaymentMeans/cbc:PaymentID").ShouldBe("17");
    }

    [Fact]
    public void The_invoice_names_the_parties_by_ean_and_cvr_and_is_paid_by_domestic_transfer_quoting_its_number()
    {
        var xml = PeppolBisWriter.Write(EInvoiceSamples.Invoice());

        xml.Root!.Name.ShouldBe(PeppolBisWriter.InvoiceNs + "Invoice");
        Text(xml, "/*/cbc:CustomizationID").ShouldBe("urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0");
        Text(xml, "/*/cbc:ProfileID").ShouldBe("urn:fdc:peppol.eu:2017:poacc:billing:01:1.0");
        Text(xml, "/*/cbc:DueDate").ShouldBe("2024-07-03");
        Text(xml, "/*/cbc:BuyerReference").ShouldBe("HAD-2023-SIP-01");
        Element(xml, "//cac:AccountingCustomerParty/cac:Party/cbc:EndpointID").ShouldSatisfyAllConditions(
            e => e.Value.ShouldBe("5798000420526"), e => e.Attribute("schemeID")!.Value.ShouldBe("0088"));
        Element(xml, "//cac:AccountingSupplierParty/cac:Party/cbc:EndpointID").ShouldSatisfyAllConditions(
            e => e.Value.ShouldBe("31415926"), e => e.Attribute("schemeID")!.Value.ShouldBe("0184"));
        Element(xml, "//cac:AccountingSupplierParty//cac:PartyLegalEntity/cbc:CompanyID").Attribute("schemeID")!.Value.ShouldBe("0184");
        Text(xml, "//cac:AccountingSupplierParty//cac:PartyTaxScheme/cbc:CompanyID").ShouldBe("DK31415926");
        Text(xml, "//cac:AccountingCustomerParty//cac:PartyLegalEntity/cbc:CompanyID").ShouldBe("29189757");
        Text(xml, "//cac:PaymentMeans/cbc:PaymentMeansCode").ShouldBe("31");
        Text(xml, "//cac:PaymentMeans/cbc:PaymentID").ShouldBe("17");
        Text(xml, "//cac:PayeeFinancialAccount/cbc:ID").ShouldBe("3456789012");
        Text(xml, "//cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID").ShouldBe("1551");
    }

    [Fact]
    public void Amounts_are_the_ore_with_two_decimals_and_vat_is_computed_once_on_the_sum()
    {
        var xml = PeppolBisWriter.Write(EInvoiceSamples.Invoice());

        // 25,000.00 + 10,000.00 + (10,000.00 − 2,500.50 cap) = 42,499.50; 25 % of it is 10,624.875, rounded half away from zero.
        Text(xml, "/*/cac:LegalMonetaryTotal/cbc:LineExtensionAmount").ShouldBe("42499.50");
        Text(xml, "/*/cac:TaxTotal/cbc:TaxAmount").ShouldBe("10624.88");
        Text(xml, "/*/cac:LegalMonetaryTotal/cbc:PayableAmount").ShouldBe("53124.38");
        Text(xml, "//cac:TaxSubtotal/cac:TaxCategory/cbc:Percent").ShouldBe("25");
        Element(xml, "/*/cac:TaxTotal/cbc:TaxAmount").Attribute("currencyID")!.Value.ShouldBe("DKK");
        var capped = Element(xml, "/*/cac:InvoiceLine[3]");
        Text(capped, "cac:Price/cbc:PriceAmount").ShouldBe("10000.00");
        Text(capped, "cac:AllowanceCharge/cbc:ChargeIndicator").ShouldBe("false");
        Text(capped, "cac:AllowanceCharge/cbc:Amount").ShouldBe("2500.50");
        Text(capped, "cac:AllowanceCharge/cbc:AllowanceChargeReason").ShouldBe("Cap: per citizen");
        Text(capped, "cbc:LineExtensionAmount").ShouldBe("7499.50");
    }

    [Fact]
    public void A_credit_note_references_the_credited_invoice_and_its_amounts_are_positive()
    {
        var xml = PeppolBisWriter.Write(EInvoiceSamples.CreditNote());

        xml.Root!.Name.ShouldBe(PeppolBisWriter.CreditNoteNs + "CreditNote");
        Text(xml, "/*/cbc:CreditNoteTypeCode").ShouldBe("381");
        Text(xml, "/*/cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID").ShouldBe("17");
        Text(xml, "/*/cac:BillingReference/cac:InvoiceDocumentReference/cbc:IssueDate").ShouldBe("2024-06-03");
        Text(xml, "/*/cac:CreditNoteLine/cbc:CreditedQuantity").ShouldBe("1");
        Text(xml, "/*/cac:CreditNoteLine/cbc:LineExtensionAmount").ShouldBe("10000.00");
        Text(xml, "/*/cac:LegalMonetaryTotal/cbc:PayableAmount").ShouldBe("12500.00");
        xml.XPathSelectElements("/*/cac:PaymentMeans | /*/cbc:DueDate", Namespaces).ShouldBeEmpty();
    }

    [Fact]
    public void The_bytes_are_utf8_without_a_byte_order_mark_and_keep_danish_letters()
    {
        var document = EInvoiceSamples.Invoice() with { Customer = EInvoiceSamples.Haderslev with { Name = "Æbeltoft Øster Åby Kommune" } };

        var bytes = PeppolBisWriter.ToUtf8(document);

        bytes.Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(bytes);
        text.ShouldStartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        XDocument.Parse(text).Descendants(PeppolBisWriter.Cbc + "RegistrationName").Select(e => e.Value).ShouldContain("Æbeltoft Øster Åby Kommune");
        document.FileName.ShouldBe("invoice-31415926-17.xml");
        EInvoiceSamples.CreditNote().FileName.ShouldBe("creditnote-31415926-18.xml");
    }

    [Property(MaxTest = 200)]
    public Property Any_lines_and_any_vat_rate_give_a_document_that_passes_every_rule()
    {
        var line = Gen.Choose(1, 12).SelectMany(quantity => Gen.Choose(0, 5_000_000).SelectMany(price => Gen.Choose(0, 100)
            .Select(capShare => (Quantity: quantity, Price: (long)price, Allowance: (long)quantity * price * capShare / 100))));
        var lines = line.NonEmptyListOf();
        var rates = Gen.Elements(0, 2500, 1250, 833);
        return Prop.ForAll(lines.ToArbitrary(), rates.ToArbitrary(), (drawn, rate) =>
        {
            var invoiceLines = drawn.Select((l, i) => new EInvoice.Line(i + 1, $"Line {i + 1}", l.Quantity, l.Price, l.Allowance,
                l.Allowance > 0 ? "Cap: per year" : null, l.Quantity * l.Price - l.Allowance)).ToList();
            return PeppolRuleChecker.Failures(PeppolBisWriter.Write(EInvoiceSamples.Invoice(rate, lines: invoiceLines))).Count == 0;
        });
    }

    [Fact]
    public void A_document_that_cannot_go_through_nemhandel_says_why()
    {
        var document = EInvoiceSamples.Invoice() with
        {
            Customer = EInvoiceSamples.Haderslev with { Ean = "5798000420527" },
            Supplier = EInvoiceSamples.Provider with { Cvr = "3141592" },
            BuyerReference = " ",
        };

        document.Problems().ShouldBe(
        [
            "the provider's CVR number '3141592' is not 8 digits",
            $"the EAN '5798000420527' of the buyer, {EInvoiceSamples.Haderslev.Name}, is not a 13-digit GLN with a valid check digit",
            "the document has no buyer reference (the partnership's reference)",
        ]);
        EInvoiceSamples.Invoice().Problems().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("5798000420526", true)]
    [InlineData("5790000000005", true)]
    [InlineData("5790000000001", false)]
    [InlineData("579800042052", false)]
    [InlineData("579800042052X", false)]
    public void A_gln_is_13_digits_with_a_gs1_check_digit(string value, bool valid)
    {
        EInvoice.IsGln(value).ShouldBe(valid);
    }

    private static XElement Element(XNode context, string xpath) => context.XPathSelectElement(xpath, Namespaces)!;

    private static string Text(XNode context, string xpath) => Element(context, xpath).Value;
}
