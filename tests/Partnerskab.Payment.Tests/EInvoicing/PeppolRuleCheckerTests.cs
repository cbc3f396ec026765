using System.Xml.Linq;
using System.Xml.XPath;
using Partnerskab.Payment.EInvoicing;

namespace Partnerskab.Payment.Tests.EInvoicing;

/// <summary>
/// The rule checker is not vacuous: for every rule there is a document, broken on purpose, that
/// the checker rejects with that rule's id, while the unbroken documents pass every rule.
/// </summary>
public sealed class PeppolRuleCheckerTests
{
    public enum Sample
    {
        Invoice,
        CreditNote,
        ExemptInvoice,
    }

    /// <summary>One deliberate break of a valid document, and the rule that must catch it.</summary>
    public sealed record Breakage(string RuleId, Sample Sample, Action<XDocument> Break)
    {
        public override string ToString() => RuleId;
    }

    private static readonly Breakage[] Breakages =
    [
        new("BR-01", Sample.Invoice, d => Remove(d, "/*/cbc:CustomizationID")),
        new("BR-02", Sample.Invoice, d => Remove(d, "/*/cbc:ID")),
        new("BR-03", Sample.Invoice, d => Remove(d, "/*/cbc:IssueDate")),
        new("BR-04", Sample.Invoice, d => Remove(d, "/*/cbc:InvoiceTypeCode")),
        new("BR-05", Sample.Invoice, d => Remove(d, "/*/cbc:DocumentCurrencyCode")),
        new("BR-06", Sample.Invoice, d => Remove(d, "//cac:AccountingSupplierParty//cbc:RegistrationName")),
        new("BR-07", Sample.Invoice, d => Remove(d, "//cac:AccountingCustomerParty//cbc:RegistrationName")),
        new("BR-08", Sample.Invoice, d => Remove(d, "//cac:AccountingSupplierParty//cac:PostalAddress")),
        new("BR-09", Sample.Invoice, d => Remove(d, "//cac:AccountingSupplierParty//cac:Country")),
        new("BR-10", Sample.Invoice, d => Remove(d, "//cac:AccountingCustomerParty//cac:PostalAddress")),
        new("BR-11", Sample.Invoice, d => Remove(d, "//cac:AccountingCustomerParty//cac:Country")),
        new("BR-12", Sample.Invoice, d => Remove(d, "/*/cac:LegalMonetaryTotal/cbc:LineExtensionAmount")),
        new("BR-13", Sample.Invoice, d => Remove(d, "/*/cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount")),
        new("BR-14", Sample.Invoice, d => Remove(d, "/*/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount")),
        new("BR-15", Sample.Invoice, d => Remove(d, "/*/cac:LegalMonetaryTotal/cbc:PayableAmount")),
        new("BR-16", Sample.Invoice, d => Remove(d, "/*/cac:InvoiceLine")),
        new("BR-21", Sample.Invoice, d => Remove(d, "/*/cac:InvoiceLine[2]/cbc:ID")),
        new("BR-22", Sample.Invoice, d => Remove(d, "/*/cac:InvoiceLine[2]/cbc:InvoicedQuantity")),
        new("BR-23", Sample.Invoice, d => Element(d, "/*/cac:InvoiceLine[2]/cbc:InvoicedQuantity").SetAttributeValue("unitCode", null)),
        new("BR-24", Sample.Invoice, d => Remove(d, "/*/cac:InvoiceLine[2]/cbc:LineExtensionAmount")),
        new("BR-25", Sample.Invoice, d => Remove(d, "/*/cac:InvoiceLine[2]/cac:Item/cbc:Name")),
        new("BR-26", Sample.Invoice, d => Remove(d, "/*/cac:InvoiceLine[2]/cac:Price/cbc:PriceAmount")),
        new("BR-27", Sample.Invoice, d => Element(d, "/*/cac:InvoiceLine[2]/cac:Price/cbc:PriceAmount").Value = "-10000.00"),
        new("BR-41", Sample.Invoice, d => Remove(d, "/*/cac:InvoiceLine[3]/cac:AllowanceCharge/cbc:Amount")),
        new("BR-42", Sample.Invoice, d => Remove(d, "/*/cac:InvoiceLine[3]/cac:AllowanceCharge/cbc:AllowanceChargeReason")),
        new("BR-45", Sample.Invoice, d => Remove(d, "//cac:TaxSubtotal/cbc:TaxableAmount")),
        new("BR-46", Sample.Invoice, d => Remove(d, "//cac:TaxSubtotal/cbc:TaxAmount")),
        new("BR-47", Sample.Invoice, d => Remove(d, "//cac:TaxSubtotal/cac:TaxCategory/cbc:ID")),
        new("BR-48", Sample.Invoice, d => Remove(d, "//cac:TaxSubtotal/cac:TaxCategory/cbc:Percent")),
        new("BR-49", Sample.Invoice, d => Remove(d, "//cac:PaymentMeans/cbc:PaymentMeansCode")),
        new("BR-55", Sample.CreditNote, d => Remove(d, "//cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID")),
        new("BR-61", Sample.Invoice, d =>
        {
            Element(d, "//cac:PaymentMeans/cbc:PaymentMeansCode").Value = "58";
            Remove(d, "//cac:PaymentMeans/cac:PayeeFinancialAccount");
        }),
        new("BR-62", Sample.Invoice, d => Element(d, "//cac:AccountingSupplierParty//cbc:EndpointID").SetAttributeValue("schemeID", null)),
        new("BR-63", Sample.Invoice, d => Element(d, "//cac:AccountingCustomerParty//cbc:EndpointID").SetAttributeValue("schemeID", null)),
        new("BR-CO-10", Sample.Invoice, d => Add(d, "/*/cac:LegalMonetaryTotal/cbc:LineExtensionAmount", 0.01m)),
        new("BR-CO-13", Sample.Invoice, d => Add(d, "/*/cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount", -1m)),
        new("BR-CO-14", Sample.Invoice, d => Add(d, "/*/cac:TaxTotal/cbc:TaxAmount", 0.01m)),
        new("BR-CO-15", Sample.Invoice, d => Add(d, "/*/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount", 0.01m)),
        new("BR-CO-16", Sample.Invoice, d => Add(d, "/*/cac:LegalMonetaryTotal/cbc:PayableAmount", -0.01m)),
        new("BR-CO-17", Sample.Invoice, d => Add(d, "//cac:TaxSubtotal/cbc:TaxAmount", 5m)),
        new("BR-CO-25", Sample.Invoice, d =>
        {
            Remove(d, "/*/cbc:DueDate");
            Remove(d, "/*/cac:PaymentTerms");
        }),
        new("BR-CO-26", Sample.Invoice, d =>
        {
            Remove(d, "//cac:AccountingSupplierParty//cac:PartyTaxScheme");
            Remove(d, "//cac:AccountingSupplierParty//cac:PartyIdentification");
            Remove(d, "//cac:AccountingSupplierParty//cac:PartyLegalEntity/cbc:CompanyID");
        }),
        new("BR-S-05", Sample.Invoice, d => Element(d, "/*/cac:InvoiceLine[1]//cac:ClassifiedTaxCategory/cbc:Percent").Value = "0"),
        new("BR-S-08", Sample.Invoice, d => Add(d, "//cac:TaxSubtotal/cbc:TaxableAmount", 100m)),
        new("BR-S-09", Sample.Invoice, d => Add(d, "//cac:TaxSubtotal/cbc:TaxAmount", -1m)),
        new("BR-E-09", Sample.ExemptInvoice, d => Add(d, "//cac:TaxSubtotal/cbc:TaxAmount", 10m)),
        new("BR-E-10", Sample.ExemptInvoice, d => Remove(d, "//cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReason")),
        new("BR-DEC", Sample.Invoice, d => Element(d, "/*/cac:InvoiceLine[1]/cac:Price/cbc:PriceAmount").Value = "25000.000"),
        new("PEPPOL-EN16931-R001", Sample.Invoice, d => Remove(d, "/*/cbc:ProfileID")),
        new("PEPPOL-EN16931-R003", Sample.Invoice, d => Remove(d, "/*/cbc:BuyerReference")),
        new("PEPPOL-EN16931-R004", Sample.Invoice, d => Element(d, "/*/cbc:CustomizationID").Value = "urn:cen.eu:en16931:2017"),
        new("PEPPOL-EN16931-R007", Sample.Invoice, d => Element(d, "/*/cbc:ProfileID").Value = "urn:fdc:peppol.eu:2017:poacc:billing:1:1.0"),
        new("PEPPOL-EN16931-R008", Sample.Invoice, d => Element(d, "/*/cbc:BuyerReference").AddAfterSelf(new XElement(PeppolBisWriter.Cbc + "AccountingCost", " "))),
        new("PEPPOL-EN16931-R010", Sample.Invoice, d => Remove(d, "//cac:AccountingCustomerParty//cbc:EndpointID")),
        new("PEPPOL-EN16931-R020", Sample.Invoice, d => Remove(d, "//cac:AccountingSupplierParty//cbc:EndpointID")),
        new("PEPPOL-EN16931-R051", Sample.Invoice, d => Element(d, "/*/cac:InvoiceLine[2]/cbc:LineExtensionAmount").SetAttributeValue("currencyID", "EUR")),
        new("PEPPOL-EN16931-R053", Sample.Invoice, d => Element(d, "/*/cac:TaxTotal").AddAfterSelf(new XElement(Element(d, "/*/cac:TaxTotal")))),
        new("PEPPOL-EN16931-R120", Sample.Invoice, d => Add(d, "/*/cac:InvoiceLine[3]/cac:Price/cbc:PriceAmount", 0.03m)),
        new("PEPPOL-EN16931-P0100", Sample.Invoice, d => Element(d, "/*/cbc:InvoiceTypeCode").Value = "381"),
        new("PEPPOL-EN16931-P0101", Sample.CreditNote, d => Element(d, "/*/cbc:CreditNoteTypeCode").Value = "380"),
        new("PEPPOL-EN16931-F001", Sample.Invoice, d => Element(d, "/*/cbc:DueDate").Value = "03-07-2024"),
        new("PEPPOL-COMMON-R040", Sample.Invoice, d => Element(d, "//cac:AccountingCustomerParty//cbc:EndpointID").Value = "5798000420527"),
        new("PEPPOL-COMMON-R042", Sample.Invoice, d => Element(d, "//cac:AccountingSupplierParty//cbc:EndpointID").Value = "3141592"),
        new("DK-R-002", Sample.Invoice, d => Remove(d, "//cac:AccountingSupplierParty//cac:PartyLegalEntity/cbc:CompanyID")),
        new("DK-R-005", Sample.Invoice, d => Element(d, "//cac:PaymentMeans/cbc:PaymentMeansCode").Value = "30"),
        new("DK-R-006", Sample.Invoice, d => Remove(d, "//cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch")),
        new("DK-R-013", Sample.Invoice, d => Element(d, "//cac:AccountingCustomerParty//cac:PartyIdentification/cbc:ID").SetAttributeValue("schemeID", null)),
        new("DK-R-014", Sample.Invoice, d => Element(d, "//cac:AccountingSupplierParty//cac:PartyLegalEntity/cbc:CompanyID").SetAttributeValue("schemeID", "0196")),
        new("DK-R-016", Sample.CreditNote, d =>
        {
            foreach (var amount in new[] { "LineExtensionAmount", "TaxExclusiveAmount", "TaxInclusiveAmount", "PayableAmount" })
            {
                var element = Element(d, $"/*/cac:LegalMonetaryTotal/cbc:{amount}");
                element.Value = "-" + element.Value;
            }
        }),
    ];

    public static TheoryData<Breakage> Cases() => [.. Breakages];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_document_broken_against_a_rule_fails_that_rule(Breakage breakage)
    {
        var document = Document(breakage.Sample);
        PeppolRuleChecker.Failures(document).ShouldBeEmpty();

        breakage.Break(document);

        PeppolRuleChecker.Failures(document).ShouldContain(breakage.RuleId);
    }

    [Fact]
    public void Every_rule_of_the_checker_is_shown_to_fail_on_some_broken_document()
    {
        PeppolRuleChecker.Rules.Select(r => r.Id).Order().ShouldBe(Breakages.Select(b => b.RuleId).Order());
        PeppolRuleChecker.Rules.Select(r => r.Id).ShouldBeUnique();
    }

    private static XDocument Document(Sample sample) => PeppolBisWriter.Write(sample switch
    {
        Sample.CreditNote => EInvoiceSamples.CreditNote(),
        Sample.ExemptInvoice => EInvoiceSamples.Invoice(vatRateBasisPoints: 0),
        _ => EInvoiceSamples.Invoice(),
    });

    private static XElement Element(XDocument document, string xpath) =>
        document.XPathSelectElement(xpath, Namespaces) ?? throw new InvalidOperationException($"{xpath} is not in the sample");

    private static void Remove(XDocument document, string xpath)
    {
        var elements = document.XPathSelectElements(xpath, Namespaces).ToList();
        if (elements.Count == 0) throw new InvalidOperationException($"{xpath} is not in the sample");
        elements.ForEach(e => e.Remove());
    }

    private static void Add(XDocument document, string xpath, decimal amount)
    {
        var element = Element(document, xpath);
        element.Value = (decimal.Parse(element.Value, System.Globalization.CultureInfo.InvariantCulture) + amount)
            .ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static readonly System.Xml.XmlNamespaceManager Namespaces = PeppolRuleChecker.Namespaces();
}
