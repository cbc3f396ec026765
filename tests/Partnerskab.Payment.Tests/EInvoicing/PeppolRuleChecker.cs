using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;

namespace Partnerskab.Payment.Tests.EInvoicing;

/// <summary>
/// The business rules of EN 16931 (BR-), Peppol BIS Billing 3.0 (PEPPOL-) and the Danish national
/// rules (DK-R-) that matter for this service's documents, each a named check over the UBL XML by
/// XPath, written after the official schematron (OpenPEPPOL/peppol-bis-invoice-3 rules/sch,
/// ConnectingEurope/eInvoicing-EN16931 ubl/schematron). XPath selects; amounts are compared as
/// decimals, never floating point. Tolerances are the schematron's own (BR-CO-17 and BR-S-09 allow
/// less than one currency unit, PEPPOL-EN16931-R120 0.02). It shares no code or constant with the
/// writer it checks; the end-to-end tests compile it in too.
/// </summary>
public static partial class PeppolRuleChecker
{
    public sealed record Rule(string Id, string Text, Func<Ubl, bool> Holds);

    public static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    public static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static readonly XName InvoiceRoot = XName.Get("Invoice", "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2");
    private const string BisBilling3 = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";

    private static readonly HashSet<string> InvoiceTypeCodes =
        [.. "71 80 82 84 102 218 219 326 331 380 382 383 384 386 388 393 395 553 575 623 780 817 870 875 876 877".Split(' ')];
    private static readonly HashSet<string> CreditNoteTypeCodes = ["381", "396", "81", "83", "532"];
    private static readonly HashSet<string> DanishPaymentMeans = [.. "1 10 31 42 48 49 50 58 59 93 97".Split(' ')];

    /// <summary>The ids of the rules the document breaks, in the order of <see cref="Rules"/>.</summary>
    public static IReadOnlyList<string> Failures(XDocument document)
    {
        var ubl = new Ubl(document);
        return Rules.Where(r => !r.Holds(ubl)).Select(r => r.Id).ToList();
    }

    public static IReadOnlyList<Rule> Rules { get; } =
    [
        // EN 16931: mandatory elements
        new("BR-01", "Specification identifier (BT-24)", d => d.Has("/*/cbc:CustomizationID")),
        new("BR-02", "Invoice number (BT-1)", d => d.Has("/*/cbc:ID")),
        new("BR-03", "Issue date (BT-2)", d => d.Has("/*/cbc:IssueDate")),
        new("BR-04", "Invoice type code (BT-3)", d => d.Has("/*/cbc:InvoiceTypeCode") || d.Has("/*/cbc:CreditNoteTypeCode")),
        new("BR-05", "Currency code (BT-5)", d => d.Has("/*/cbc:DocumentCurrencyCode")),
        new("BR-06", "Seller name (BT-27)", d => d.Has("/*/cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName")),
        new("BR-07", "Buyer name (BT-44)", d => d.Has("/*/cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName")),
        new("BR-08", "Seller postal address (BG-5)", d => d.Exists("/*/cac:AccountingSupplierParty/cac:Party/cac:PostalAddress")),
        new("BR-09", "Seller country code (BT-40)", d => d.Has("/*/cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cac:Country/cbc:IdentificationCode")),
        new("BR-10", "Buyer postal address (BG-8)", d => d.Exists("/*/cac:AccountingCustomerParty/cac:Party/cac:PostalAddress")),
        new("BR-11", "Buyer country code (BT-55)", d => d.Has("/*/cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cac:Country/cbc:IdentificationCode")),
        new("BR-12", "Sum of line net amounts (BT-106)", d => d.Exists("/*/cac:LegalMonetaryTotal/cbc:LineExtensionAmount")),
        new("BR-13", "Total without VAT (BT-109)", d => d.Exists("/*/cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount")),
        new("BR-14", "Total with VAT (BT-112)", d => d.Exists("/*/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount")),
        new("BR-15", "Amount due (BT-115)", d => d.Exists("/*/cac:LegalMonetaryTotal/cbc:PayableAmount")),
        new("BR-16", "At least one line (BG-25)", d => d.Exists("/*/cac:InvoiceLine | /*/cac:CreditNoteLine")),
        new("BR-21", "Every line has an identifier (BT-126)", d => d.Lines.All(l => d.Has(l, "cbc:ID"))),
        new("BR-22", "Every line has a quantity (BT-129)", d => d.Lines.All(l => d.Exists(l, "cbc:InvoicedQuantity | cbc:CreditedQuantity"))),
        new("BR-23", "Every quantity has a unit (BT-130)", d => d.Lines.All(l => d.Exists(l, "cbc:InvoicedQuantity/@unitCode | cbc:CreditedQuantity/@unitCode"))),
        new("BR-24", "Every line has a net amount (BT-131)", d => d.Lines.All(l => d.Exists(l, "cbc:LineExtensionAmount"))),
        new("BR-25", "Every line has an item name (BT-153)", d => d.Lines.All(l => d.Has(l, "cac:Item/cbc:Name"))),
        new("BR-26", "Every line has a net price (BT-146)", d => d.Lines.All(l => d.Exists(l, "cac:Price/cbc:PriceAmount"))),
        new("BR-27", "Net prices are not negative", d => d.Lines.All(l => d.Decimal(l, "cac:Price/cbc:PriceAmount") is not < 0)),
        new("BR-41", "Every line allowance has an amount (BT-136)", d => d.Select("//cac:InvoiceLine/cac:AllowanceCharge | //cac:CreditNoteLine/cac:AllowanceCharge").All(a => d.Exists(a, "cbc:Amount"))),
        new("BR-42", "Every line allowance has a reason (BT-139/140)", d => d.Select("//cac:InvoiceLine/cac:AllowanceCharge | //cac:CreditNoteLine/cac:AllowanceCharge").All(a => d.Has(a, "cbc:AllowanceChargeReason") || d.Has(a, "cbc:AllowanceChargeReasonCode"))),
        new("BR-45", "Every VAT breakdown has a taxable amount (BT-116)", d => d.Subtotals.All(s => d.Exists(s, "cbc:TaxableAmount"))),
        new("BR-46", "Every VAT breakdown has a tax amount (BT-117)", d => d.Subtotals.All(s => d.Exists(s, "cbc:TaxAmount"))),
        new("BR-47", "Every VAT breakdown has a category (BT-118)", d => d.Subtotals.All(s => d.Has(s, "cac:TaxCategory[cac:TaxScheme/cbc:ID='VAT']/cbc:ID"))),
        new("BR-48", "Every VAT breakdown has a rate (BT-119)", d => d.Subtotals.All(s => d.Exists(s, "cac:TaxCategory/cbc:Percent") || d.Text(s, "cac:TaxCategory/cbc:ID") == "O")),
        new("BR-49", "Every payment instruction has a means code (BT-81)", d => d.Select("/*/cac:PaymentMeans").All(p => d.Has(p, "cbc:PaymentMeansCode"))),
        new("BR-55", "A preceding invoice reference has the invoice number (BT-25)", d => d.Select("/*/cac:BillingReference").All(b => d.Has(b, "cac:InvoiceDocumentReference/cbc:ID"))),
        new("BR-61", "Credit transfer (30, 58) names the payee account (BT-84)", d => d.Select("/*/cac:PaymentMeans[cbc:PaymentMeansCode='30' or cbc:PaymentMeansCode='58']").All(p => d.Has(p, "cac:PayeeFinancialAccount/cbc:ID"))),
        new("BR-62", "The seller's electronic address has a scheme", d => d.Select("/*/cac:AccountingSupplierParty/cac:Party/cbc:EndpointID").All(e => e.Attribute("schemeID") is not null)),
        new("BR-63", "The buyer's electronic address has a scheme", d => d.Select("/*/cac:AccountingCustomerParty/cac:Party/cbc:EndpointID").All(e => e.Attribute("schemeID") is not null)),

        // EN 16931: sums and VAT
        new("BR-CO-10", "Sum of line net amounts = Σ line net amounts", d => Same(d.Decimal("/*/cac:LegalMonetaryTotal/cbc:LineExtensionAmount"), d.Sum("/*/cac:InvoiceLine/cbc:LineExtensionAmount | /*/cac:CreditNoteLine/cbc:LineExtensionAmount"))),
        new("BR-CO-13", "Total without VAT = line sum − allowances + charges", d => Same(d.Decimal("/*/cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount"),
            d.Decimal("/*/cac:LegalMonetaryTotal/cbc:LineExtensionAmount") - (d.Decimal("/*/cac:LegalMonetaryTotal/cbc:AllowanceTotalAmount") ?? 0)
            + (d.Decimal("/*/cac:LegalMonetaryTotal/cbc:ChargeTotalAmount") ?? 0))),
        new("BR-CO-14", "Total VAT = Σ VAT breakdown amounts", d => d.Select("/*/cac:TaxTotal[cac:TaxSubtotal]").All(t => Same(d.Decimal(t, "cbc:TaxAmount"), d.Sum(t, "cac:TaxSubtotal/cbc:TaxAmount")))),
        new("BR-CO-15", "Total with VAT = total without VAT + total VAT", d => Same(d.Decimal("/*/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount"),
            d.Decimal("/*/cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount") + d.Decimal("/*/cac:TaxTotal[cac:TaxSubtotal]/cbc:TaxAmount"))),
        new("BR-CO-16", "Amount due = total with VAT − paid + rounding", d => Same(d.Decimal("/*/cac:LegalMonetaryTotal/cbc:PayableAmount"),
            d.Decimal("/*/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount") - (d.Decimal("/*/cac:LegalMonetaryTotal/cbc:PrepaidAmount") ?? 0)
            + (d.Decimal("/*/cac:LegalMonetaryTotal/cbc:PayableRoundingAmount") ?? 0))),
        new("BR-CO-17", "Breakdown VAT = taxable × rate (within a currency unit)", d => d.Subtotals.All(s =>
            WithinOneUnit(d.Decimal(s, "cbc:TaxAmount"), d.Decimal(s, "cbc:TaxableAmount") * d.Decimal(s, "cac:TaxCategory/cbc:Percent") / 100))),
        new("BR-CO-25", "An invoice with an amount due has a due date or payment terms", d => !d.IsInvoice
            || d.Decimal("/*/cac:LegalMonetaryTotal/cbc:PayableAmount") is not > 0 || d.Has("/*/cbc:DueDate") || d.Has("/*/cac:PaymentTerms/cbc:Note")),
        new("BR-CO-26", "The seller has a VAT, party or legal registration identifier", d => d.Has("/*/cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID")
            || d.Has("/*/cac:AccountingSupplierParty/cac:Party/cac:PartyIdentification/cbc:ID") || d.Has("/*/cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID")),
        new("BR-S-05", "A standard rated line has a rate above zero", d => d.Select("//cac:Item/cac:ClassifiedTaxCategory[cbc:ID='S']").All(c => d.Decimal(c, "cbc:Percent") > 0)),
        new("BR-S-08", "Standard rated taxable amount per rate = Σ net amounts of its lines", d => d.Subtotals.Where(s => d.Text(s, "cac:TaxCategory/cbc:ID") == "S").All(s =>
            Same(d.Decimal(s, "cbc:TaxableAmount"), d.Lines.Where(l => d.Text(l, "cac:Item/cac:ClassifiedTaxCategory/cbc:ID") == "S"
                    && d.Decimal(l, "cac:Item/cac:ClassifiedTaxCategory/cbc:Percent") == d.Decimal(s, "cac:TaxCategory/cbc:Percent"))
                .Sum(l => d.Decimal(l, "cbc:LineExtensionAmount") ?? 0)))),
        new("BR-S-09", "Standard rated VAT = taxable × rate (within a currency unit)", d => d.Subtotals.Where(s => d.Text(s, "cac:TaxCategory/cbc:ID") == "S").All(s =>
            WithinOneUnit(d.Decimal(s, "cbc:TaxAmount"), d.Decimal(s, "cbc:TaxableAmount") * d.Decimal(s, "cac:TaxCategory/cbc:Percent") / 100))),
        new("BR-E-09", "Exempt VAT amount is zero", d => d.Subtotals.Where(s => d.Text(s, "cac:TaxCategory/cbc:ID") == "E").All(s => d.Decimal(s, "cbc:TaxAmount") == 0)),
        new("BR-E-10", "Exempt VAT breakdown has an exemption reason", d => d.Subtotals.Where(s => d.Text(s, "cac:TaxCategory/cbc:ID") == "E")
            .All(s => d.Has(s, "cac:TaxCategory/cbc:TaxExemptionReason") || d.Has(s, "cac:TaxCategory/cbc:TaxExemptionReasonCode"))),
        new("BR-DEC", "Amounts have at most two decimals (BR-DEC-01 … BR-DEC-25)", d => d.Select("//*[@currencyID]").All(a => !a.Value.Contains('.') || a.Value.Split('.')[1].Length <= 2)),

        // Peppol BIS Billing 3.0
        new("PEPPOL-EN16931-R001", "Business process (profile) is given", d => d.Exists("/*/cbc:ProfileID")),
        new("PEPPOL-EN16931-R003", "A buyer reference or order reference is given", d => d.Has("/*/cbc:BuyerReference") || d.Has("/*/cac:OrderReference/cbc:ID")),
        new("PEPPOL-EN16931-R004", "Specification identifier is BIS Billing 3.0", d => d.Text("/*/cbc:CustomizationID").StartsWith(BisBilling3, StringComparison.Ordinal)),
        new("PEPPOL-EN16931-R007", "Business process has the form urn:fdc:peppol.eu:2017:poacc:billing:NN:1.0", d => ProfileFormat().IsMatch(d.Text("/*/cbc:ProfileID"))),
        new("PEPPOL-EN16931-R008", "No empty elements", d => !d.Select("//*").Any(e => !e.HasElements && e.Value.Trim().Length == 0)),
        new("PEPPOL-EN16931-R010", "Buyer electronic address is given", d => d.Exists("/*/cac:AccountingCustomerParty/cac:Party/cbc:EndpointID")),
        new("PEPPOL-EN16931-R020", "Seller electronic address is given", d => d.Exists("/*/cac:AccountingSupplierParty/cac:Party/cbc:EndpointID")),
        new("PEPPOL-EN16931-R051", "Every amount is in the document currency", d => d.Select("//*[@currencyID]").All(a => a.Attribute("currencyID")!.Value == d.Text("/*/cbc:DocumentCurrencyCode"))),
        new("PEPPOL-EN16931-R053", "Exactly one tax total with subtotals", d => d.Select("/*/cac:TaxTotal[cac:TaxSubtotal]").Count() == 1),
        new("PEPPOL-EN16931-R120", "Line net = quantity × price / base quantity + charges − allowances (within 0.02)", d => d.Lines.All(l =>
        {
            var quantity = d.Decimal(l, "cbc:InvoicedQuantity | cbc:CreditedQuantity") ?? 1;
            var baseQuantity = d.Decimal(l, "cac:Price/cbc:BaseQuantity") is { } b and not 0 ? b : 1;
            var expected = quantity * (d.Decimal(l, "cac:Price/cbc:PriceAmount") ?? 0) / baseQuantity
                + d.Sum(l, "cac:AllowanceCharge[cbc:ChargeIndicator='true']/cbc:Amount") - d.Sum(l, "cac:AllowanceCharge[cbc:ChargeIndicator='false']/cbc:Amount");
            return Math.Abs((d.Decimal(l, "cbc:LineExtensionAmount") ?? 0) - expected) <= 0.02m;
        })),
        new("PEPPOL-EN16931-P0100", "Invoice type code is one profile 01 allows", d => d.Select("/*/cbc:InvoiceTypeCode").All(c => InvoiceTypeCodes.Contains(c.Value.Trim()))),
        new("PEPPOL-EN16931-P0101", "Credit note type code is one profile 01 allows", d => d.Select("/*/cbc:CreditNoteTypeCode").All(c => CreditNoteTypeCodes.Contains(c.Value.Trim()))),
        new("PEPPOL-EN16931-F001", "Dates are YYYY-MM-DD", d => d.Select("//cbc:IssueDate | //cbc:DueDate | //cbc:StartDate | //cbc:EndDate").All(e =>
            e.Value.Length == 10 && DateOnly.TryParseExact(e.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))),
        new("PEPPOL-COMMON-R040", "A GLN (0088) has a valid GS1 check digit", d => d.Select("//cbc:EndpointID[@schemeID='0088'] | //cac:PartyIdentification/cbc:ID[@schemeID='0088'] | //cbc:CompanyID[@schemeID='0088']")
            .All(e => IsGln(e.Value.Trim()))),
        new("PEPPOL-COMMON-R042", "A CVR number (0184) is 8 digits, or DK and 8 digits", d => d.Select("//cbc:EndpointID[@schemeID='0184'] | //cac:PartyIdentification/cbc:ID[@schemeID='0184'] | //cbc:CompanyID[@schemeID='0184']")
            .All(e => CvrFormat().IsMatch(e.Value))),

        // Danish national rules
        new("DK-R-002", "A Danish supplier gives its legal entity (CVR)", d => !d.SupplierIsDanish || d.Has("/*/cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID")),
        new("DK-R-005", "A Danish supplier's payment means is 1, 10, 31, 42, 48, 49, 50, 58, 59, 93 or 97", d => !(d.SupplierIsDanish && d.CustomerIsDanish && d.IsInvoice)
            || d.Select("/*/cac:PaymentMeans/cbc:PaymentMeansCode").All(c => DanishPaymentMeans.Contains(c.Value.Trim()))),
        new("DK-R-006", "Payment means 31 or 42 names the account and the registration number", d => !(d.SupplierIsDanish && d.CustomerIsDanish && d.IsInvoice)
            || d.Select("/*/cac:PaymentMeans[cbc:PaymentMeansCode='31' or cbc:PaymentMeansCode='42']").All(p =>
                d.Has(p, "cac:PayeeFinancialAccount/cbc:ID") && d.Has(p, "cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID"))),
        new("DK-R-013", "A party identification between Danish parties has a scheme", d => !(d.SupplierIsDanish && d.CustomerIsDanish)
            || d.Select("/*/cac:AccountingSupplierParty/cac:Party/cac:PartyIdentification/cbc:ID | /*/cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID")
                .All(id => (id.Attribute("schemeID")?.Value.Trim() ?? "") != "")),
        new("DK-R-014", "A Danish supplier's legal entity has scheme 0184 (CVR)", d => !d.SupplierIsDanish
            || d.Select("/*/cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID").All(c => c.Attribute("schemeID")?.Value.Trim() == "0184")),
        new("DK-R-016", "A Danish supplier's credit note has no negative total", d => !(d.SupplierIsDanish && d.CustomerIsDanish && !d.IsInvoice)
            || d.Decimal("/*/cac:LegalMonetaryTotal/cbc:PayableAmount") is not < 0),
    ];

    /// <summary>GS1: digits whose last is the check digit of the others, weighted 3, 1, 3, … from the right.</summary>
    private static bool IsGln(string value)
    {
        if (value.Length < 2 || !value.All(char.IsAsciiDigit)) return false;
        var digits = value.Select(c => c - '0').ToArray();
        var weighted = digits[..^1].Reverse().Select((digit, i) => digit * (i % 2 == 0 ? 3 : 1)).Sum();
        return (10 - weighted % 10) % 10 == digits[^1];
    }

    /// <summary>Both amounts are there and equal: a missing amount never satisfies a sum rule.</summary>
    private static bool Same(decimal? a, decimal? b) => a is { } x && b is { } y && x == y;

    private static bool WithinOneUnit(decimal? actual, decimal? expected) =>
        actual is { } a && expected is { } e && Math.Abs(Math.Abs(a) - Math.Round(Math.Abs(e), 2, MidpointRounding.AwayFromZero)) < 1;

    [GeneratedRegex("^urn:fdc:peppol.eu:2017:poacc:billing:[0-9]{2}:1.0$")]
    private static partial Regex ProfileFormat();

    [GeneratedRegex("^(DK)?[0-9]{8}$")]
    private static partial Regex CvrFormat();

    /// <summary>The prefixes the rules' XPath uses: cbc and cac.</summary>
    public static XmlNamespaceManager Namespaces()
    {
        var manager = new XmlNamespaceManager(new NameTable());
        manager.AddNamespace("cbc", Cbc.NamespaceName);
        manager.AddNamespace("cac", Cac.NamespaceName);
        return manager;
    }

    /// <summary>A UBL invoice or credit note to query with the cbc and cac prefixes.</summary>
    public sealed class Ubl(XDocument document)
    {
        private readonly XmlNamespaceManager namespaces = Namespaces();

        public bool IsInvoice => document.Root!.Name == InvoiceRoot;
        public bool SupplierIsDanish => Text("/*/cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cac:Country/cbc:IdentificationCode") == "DK";
        public bool CustomerIsDanish => Text("/*/cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cac:Country/cbc:IdentificationCode") == "DK";
        public IEnumerable<XElement> Lines => Select("/*/cac:InvoiceLine | /*/cac:CreditNoteLine");
        public IEnumerable<XElement> Subtotals => Select("/*/cac:TaxTotal/cac:TaxSubtotal");

        public IEnumerable<XElement> Select(string xpath) => document.XPathSelectElements(xpath, namespaces);
        public bool Exists(string xpath) => Nodes(document, xpath).Any();
        public bool Exists(XNode context, string xpath) => Nodes(context, xpath).Any();
        /// <summary>The node exists and has text that is not blank.</summary>
        public bool Has(string xpath) => Text(xpath).Length > 0;
        public bool Has(XNode context, string xpath) => Text(context, xpath).Length > 0;
        public string Text(string xpath) => Text(document, xpath);
        public string Text(XNode context, string xpath) => Nodes(context, xpath).FirstOrDefault() is { } node ? Value(node).Trim() : "";
        public decimal? Decimal(string xpath) => Decimal(document, xpath);
        public decimal? Decimal(XNode context, string xpath) =>
            decimal.TryParse(Text(context, xpath), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
        public decimal Sum(string xpath) => Sum(document, xpath);
        public decimal Sum(XNode context, string xpath) => Nodes(context, xpath)
            .Sum(n => decimal.Parse(Value(n).Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));

        private IEnumerable<XObject> Nodes(XNode context, string xpath) =>
            ((IEnumerable<object>)context.XPathEvaluate(xpath, namespaces)).Cast<XObject>();

        private static string Value(XObject node) => node switch
        {
            XElement e => e.Value,
            XAttribute a => a.Value,
            _ => "",
        };
    }
}
