using System.Globalization;
using NodaTime;
using Partnerskab.Payment.Invoicing;

namespace Partnerskab.Payment.EInvoicing;

/// <summary>
/// What one Peppol BIS Billing 3.0 document says, in the service's own terms: whole øre and
/// calendar dates. A credit note's amounts are positive, like the invoice's. The VAT amount is the
/// one the document was issued with; the net amount is the sum of its lines.
/// </summary>
public sealed record EInvoice(
    DocumentKind Kind,
    string Number,
    LocalDate IssueDate,
    LocalDate DueDate,
    LocalDate PeriodStart,
    LocalDate PeriodEnd,
    string BuyerReference,
    EInvoice.PrecedingInvoice? CreditedInvoice,
    EInvoice.Seller Supplier,
    EInvoice.Buyer Customer,
    EInvoice.BankAccount? PayeeAccount,
    string PaymentId,
    int PaymentTermsDays,
    int VatRateBasisPoints,
    long VatAmountOre,
    IReadOnlyList<EInvoice.Line> Lines)
{
    public sealed record PrecedingInvoice(string Number, LocalDate IssueDate);

    /// <param name="Cvr">The provider's CVR number, 8 digits: its endpoint (scheme 0184), legal entity and, with DK, its VAT number.</param>
    public sealed record Seller(string Name, string Cvr);

    /// <param name="Ean">The buyer's EAN location number (a GLN, scheme 0088): where NemHandel delivers the document.</param>
    public sealed record Buyer(string Name, string Cvr, string Ean);

    /// <summary>A Danish bank account: the branch registration number (4 digits) and the account number.</summary>
    public sealed record BankAccount(string RegistrationNumber, string AccountNumber);

    /// <param name="AllowanceOre">What a cap took off the line: net = quantity × unit price − allowance.</param>
    public sealed record Line(int Number, string Name, int Quantity, long UnitPriceOre, long AllowanceOre, string? AllowanceReason, long NetAmountOre);

    /// <summary>An issued invoice or credit note as its e-invoice says it; a payee account is known when the rate card named one.</summary>
    public static EInvoice From(Invoice document) => new(
        document.Kind,
        document.PaymentReference,
        document.IssueDate,
        document.DueDate,
        document.PeriodStart,
        document.PeriodEnd,
        document.BuyerReference,
        document is { CreditedInvoiceNumber: { } number, CreditedInvoiceIssueDate: { } issued }
            ? new PrecedingInvoice(number.ToString(CultureInfo.InvariantCulture), issued)
            : null,
        new Seller(document.SellerName, document.IssuerCvr),
        new Buyer(document.BuyerName, document.BuyerCvr, document.BuyerEan),
        document is { PayeeBankRegistrationNumber: { Length: > 0 } registration, PayeeAccountNumber: { Length: > 0 } account }
            ? new BankAccount(registration, account)
            : null,
        document.PaymentReference,
        document.PaymentTermsDays,
        document.VatRateBasisPoints,
        document.VatAmountOre,
        document.Lines.OrderBy(l => l.LineNumber)
            .Select(l => new Line(l.LineNumber, l.Description, l.Quantity, l.UnitPriceOre, l.AllowanceOre, l.AllowanceReason, l.NetAmountOre))
            .ToList());

    public long NetAmountOre => Lines.Sum(l => l.NetAmountOre);
    public long TotalAmountOre => NetAmountOre + VatAmountOre;

    /// <summary>The file name an export is saved under, e.g. <c>invoice-12345678-17.xml</c>.</summary>
    public string FileName => $"{(Kind == DocumentKind.CreditNote ? "creditnote" : "invoice")}-{Supplier.Cvr}-{Number}.xml";

    /// <summary>
    /// Why this document cannot go through NemHandel as it is, if it cannot: the identifiers the
    /// Peppol network routes and checks by must be well formed.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!IsDigits(Supplier.Cvr, 8)) problems.Add($"the provider's CVR number '{Supplier.Cvr}' is not 8 digits");
        if (!IsDigits(Customer.Cvr, 8)) problems.Add($"the CVR number '{Customer.Cvr}' of the buyer, {Customer.Name}, is not 8 digits");
        if (!IsGln(Customer.Ean)) problems.Add($"the EAN '{Customer.Ean}' of the buyer, {Customer.Name}, is not a 13-digit GLN with a valid check digit");
        if (string.IsNullOrWhiteSpace(BuyerReference)) problems.Add("the document has no buyer reference (the partnership's reference)");
        if (Lines.Count == 0) problems.Add("the document has no lines");
        return problems;
    }

    /// <summary>A GS1 location number: its last digit is the check digit of the others (weights 3 and 1 from the right).</summary>
    public static bool IsGln(string value)
    {
        if (!IsDigits(value, 13)) return false;
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (value[11 - i] - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return (10 - sum % 10) % 10 == value[12] - '0';
    }

    private static bool IsDigits(string value, int length) => value.Length == length && value.All(char.IsAsciiDigit);
}
