using NodaTime;
using Partnerskab.Payment.EInvoicing;
using Partnerskab.Payment.Invoicing;

namespace Partnerskab.Payment.Tests.EInvoicing;

/// <summary>Documents as the payment service issues them: a handover fee, a milestone and a capped milestone; a credit note.</summary>
public static class EInvoiceSamples
{
    public static readonly EInvoice.Seller Provider = new("Carelink A/S", "31415926");
    public static readonly EInvoice.Buyer Haderslev = new("Haderslev Kommune", "29189757", "5798000420526");

    public static IReadOnlyList<EInvoice.Line> Lines { get; } =
    [
        new(1, "Handover fee, citizen 0f3c9a7e21b44d6c8e5f1a2b3c4d5e6f, handed over 2024-04-03", 1, 2_500_000, 0, null, 2_500_000),
        new(2, "Milestone first_paid_hours, citizen 0f3c9a7e21b44d6c8e5f1a2b3c4d5e6f, reached 2024-05-17", 1, 1_000_000, 0, null, 1_000_000),
        new(3, "Milestone job_start, citizen 9a8b7c6d5e4f30211f2e3d4c5b6a7980, reached 2024-05-30", 1, 1_000_000, 250_050, "Cap: per citizen", 749_950),
    ];

    public static EInvoice Invoice(int vatRateBasisPoints = 2500, EInvoice.BankAccount? account = null, IReadOnlyList<EInvoice.Line>? lines = null)
    {
        lines ??= Lines;
        return new EInvoice(DocumentKind.Invoice, "17", new LocalDate(2024, 6, 3), new LocalDate(2024, 7, 3),
            new LocalDate(2024, 5, 1), new LocalDate(2024, 5, 31), "HAD-2023-SIP-01", null, Provider, Haderslev,
            account ?? new EInvoice.BankAccount("1551", "3456789012"), "17", 30, vatRateBasisPoints,
            Money.Vat(lines.Sum(l => l.NetAmountOre), vatRateBasisPoints), lines);
    }

    public static EInvoice CreditNote() => new(DocumentKind.CreditNote, "18", new LocalDate(2024, 7, 2), new LocalDate(2024, 8, 1),
        new LocalDate(2024, 6, 1), new LocalDate(2024, 6, 30), "HAD-2023-SIP-01", new EInvoice.PrecedingInvoice("17", new LocalDate(2024, 6, 3)),
        Provider, Haderslev, new EInvoice.BankAccount("1551", "3456789012"), "18", 30, 2500, Money.Vat(1_000_000, 2500),
        [new(1, "Credit of 2024-06-20: milestone first_paid_hours revoked", 1, 1_000_000, 0, null, 1_000_000)]);
}
