using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using NodaTime;
using Partnerskab.Payment.Invoicing;

namespace Partnerskab.Payment.EInvoicing;

/// <summary>
/// Writes an invoice or credit note as Peppol BIS Billing 3.0 (UBL 2.1), the format NemHandel
/// carries to a Danish kommune. Elements appear in the order the UBL 2.1 schema requires.
/// <list type="bullet">
/// <item>The seller is known by its CVR number (ICD 0184) as endpoint, party identification and legal
/// entity, and by DK + CVR as VAT number; the buyer by its EAN (GLN, ICD 0088) as endpoint and
/// party identification, and its CVR as legal entity.</item>
/// <item>The buyer reference is the kommune's reference of the partnership agreement.</item>
/// <item>An invoice is paid by Danish domestic transfer (payment means 31) to the payee's
/// registration and account number, quoting the invoice number as payment id; without a known
/// account the means is "not defined" (1). A credit note carries no payment means.</item>
/// <item>VAT is one breakdown at the document's rate: standard rated (S) above 0 %, exempt (E) at 0 %.</item>
/// <item>A capped line shows its full price and the cap as a line allowance.</item>
/// <item>Amounts have two decimals (øre), currency DKK; a credit note's are positive.</item>
/// </list>
/// </summary>
public static class PeppolBisWriter
{
    public const string CustomizationId = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    public const string ProfileId = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    public const string Currency = "DKK";
    public const string CvrScheme = "0184";
    public const string GlnScheme = "0088";
    public const string InvoiceTypeCode = "380";
    public const string CreditNoteTypeCode = "381";
    public const string DomesticTransferMeans = "31";
    public const string UndefinedMeans = "1";
    /// <summary>UN/ECE Recommendation 20 "one": each line is a number of items (fees, milestones).</summary>
    public const string UnitCode = "C62";

    public static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    public static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    public static readonly XNamespace InvoiceNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    public static readonly XNamespace CreditNoteNs = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    /// <summary>The document as UTF-8 XML bytes, without a byte order mark.</summary>
    public static byte[] ToUtf8(EInvoice document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            Write(document).Save(writer);
        }
        return stream.ToArray();
    }

    public static XDocument Write(EInvoice document)
    {
        var credit = document.Kind == DocumentKind.CreditNote;
        var root = (credit ? CreditNoteNs : InvoiceNs) + (credit ? "CreditNote" : "Invoice");
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), new XElement(root,
            new XAttribute(XNamespace.Xmlns + "cac", Cac),
            new XAttribute(XNamespace.Xmlns + "cbc", Cbc),
            new XElement(Cbc + "CustomizationID", CustomizationId),
            new XElement(Cbc + "ProfileID", ProfileId),
            new XElement(Cbc + "ID", document.Number),
            new XElement(Cbc + "IssueDate", Date(document.IssueDate)),
            credit ? null : new XElement(Cbc + "DueDate", Date(document.DueDate)),
            new XElement(Cbc + (credit ? "CreditNoteTypeCode" : "InvoiceTypeCode"), credit ? CreditNoteTypeCode : InvoiceTypeCode),
            new XElement(Cbc + "DocumentCurrencyCode", Currency),
            new XElement(Cbc + "BuyerReference", document.BuyerReference),
            new XElement(Cac + "InvoicePeriod",
                new XElement(Cbc + "StartDate", Date(document.PeriodStart)),
                new XElement(Cbc + "EndDate", Date(document.PeriodEnd))),
            document.CreditedInvoice is { } credited
                ? new XElement(Cac + "BillingReference", new XElement(Cac + "InvoiceDocumentReference",
                    new XElement(Cbc + "ID", credited.Number),
                    new XElement(Cbc + "IssueDate", Date(credited.IssueDate))))
                : null,
            SupplierParty(document.Supplier),
            CustomerParty(document.Customer),
            credit ? null : PaymentMeans(document),
            credit ? null : new XElement(Cac + "PaymentTerms", new XElement(Cbc + "Note",
                $"Net {document.PaymentTermsDays} days, due {Date(document.DueDate)}")),
            TaxTotal(document),
            MonetaryTotal(document),
            document.Lines.Select(line => Line(line, credit, document.VatRateBasisPoints))));
    }

    private static XElement SupplierParty(EInvoice.Seller seller) =>
        Party("AccountingSupplierParty", CvrScheme, seller.Cvr, seller.Name, vatNumber: "DK" + seller.Cvr, seller.Cvr);

    private static XElement CustomerParty(EInvoice.Buyer buyer) =>
        Party("AccountingCustomerParty", GlnScheme, buyer.Ean, buyer.Name, vatNumber: null, buyer.Cvr);

    private static XElement Party(string role, string scheme, string endpoint, string name, string? vatNumber, string cvr) =>
        new(Cac + role, new XElement(Cac + "Party",
            new XElement(Cbc + "EndpointID", new XAttribute("schemeID", scheme), endpoint),
            new XElement(Cac + "PartyIdentification", new XElement(Cbc + "ID", new XAttribute("schemeID", scheme), endpoint)),
            new XElement(Cac + "PartyName", new XElement(Cbc + "Name", name)),
            DanishAddress(),
            vatNumber is null
                ? null
                : new XElement(Cac + "PartyTaxScheme",
                    new XElement(Cbc + "CompanyID", vatNumber),
                    new XElement(Cac + "TaxScheme", new XElement(Cbc + "ID", "VAT"))),
            new XElement(Cac + "PartyLegalEntity",
                new XElement(Cbc + "RegistrationName", name),
                new XElement(Cbc + "CompanyID", new XAttribute("schemeID", CvrScheme), cvr))));

    // The partnership agreement holds no street addresses; the country is what EN 16931 requires (BR-09, BR-11).
    private static XElement DanishAddress() =>
        new(Cac + "PostalAddress", new XElement(Cac + "Country", new XElement(Cbc + "IdentificationCode", "DK")));

    private static XElement PaymentMeans(EInvoice document) => document.PayeeAccount is { } account
        ? new XElement(Cac + "PaymentMeans",
            new XElement(Cbc + "PaymentMeansCode", DomesticTransferMeans),
            new XElement(Cbc + "PaymentID", document.PaymentId),
            new XElement(Cac + "PayeeFinancialAccount",
                new XElement(Cbc + "ID", account.AccountNumber),
                new XElement(Cac + "FinancialInstitutionBranch", new XElement(Cbc + "ID", account.RegistrationNumber))))
        : new XElement(Cac + "PaymentMeans",
            new XElement(Cbc + "PaymentMeansCode", UndefinedMeans),
            new XElement(Cbc + "PaymentID", document.PaymentId));

    private static XElement TaxTotal(EInvoice document) =>
        new(Cac + "TaxTotal",
            Amount("TaxAmount", document.VatAmountOre),
            new XElement(Cac + "TaxSubtotal",
                Amount("TaxableAmount", document.NetAmountOre),
                Amount("TaxAmount", document.VatAmountOre),
                TaxCategory("TaxCategory", document.VatRateBasisPoints, withExemptionReason: true)));

    private static XElement TaxCategory(string name, int rateBasisPoints, bool withExemptionReason) =>
        new(Cac + name,
            new XElement(Cbc + "ID", rateBasisPoints > 0 ? "S" : "E"),
            new XElement(Cbc + "Percent", (rateBasisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture)),
            withExemptionReason && rateBasisPoints == 0 ? new XElement(Cbc + "TaxExemptionReason", "Exempt from VAT") : null,
            new XElement(Cac + "TaxScheme", new XElement(Cbc + "ID", "VAT")));

    private static XElement MonetaryTotal(EInvoice document) =>
        new(Cac + "LegalMonetaryTotal",
            Amount("LineExtensionAmount", document.NetAmountOre),
            Amount("TaxExclusiveAmount", document.NetAmountOre),
            Amount("TaxInclusiveAmount", document.TotalAmountOre),
            Amount("PayableAmount", document.TotalAmountOre));

    private static XElement Line(EInvoice.Line line, bool credit, int vatRateBasisPoints) =>
        new(Cac + (credit ? "CreditNoteLine" : "InvoiceLine"),
            new XElement(Cbc + "ID", line.Number.ToString(CultureInfo.InvariantCulture)),
            new XElement(Cbc + (credit ? "CreditedQuantity" : "InvoicedQuantity"), new XAttribute("unitCode", UnitCode),
                line.Quantity.ToString(CultureInfo.InvariantCulture)),
            Amount("LineExtensionAmount", line.NetAmountOre),
            line.AllowanceOre != 0
                ? new XElement(Cac + "AllowanceCharge",
                    new XElement(Cbc + "ChargeIndicator", "false"),
                    new XElement(Cbc + "AllowanceChargeReason", line.AllowanceReason ?? "Cap"),
                    Amount("Amount", line.AllowanceOre))
                : null,
            new XElement(Cac + "Item",
                new XElement(Cbc + "Name", line.Name),
                TaxCategory("ClassifiedTaxCategory", vatRateBasisPoints, withExemptionReason: false)),
            new XElement(Cac + "Price", Amount("PriceAmount", line.UnitPriceOre)));

    private static XElement Amount(string name, long ore) =>
        new(Cbc + name, new XAttribute("currencyID", Currency), Money.Decimal2(ore));

    private static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
