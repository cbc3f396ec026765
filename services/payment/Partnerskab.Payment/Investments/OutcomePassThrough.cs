using NodaTime;
using Partnerskab.Payment.Reconciliation;

namespace Partnerskab.Payment.Investments;

/// <summary>
/// The outcome payments the agreement passes through to the investor: which bank payments pass
/// something through, and how much. A payment pays the invoice its reference names (as
/// reconciliation matches it) and is divided across that invoice's lines in proportion to their
/// amounts, VAT included; the part paying its milestone lines is the outcome payment, and the
/// share the rate card in force on the payment's day names passes through. Credit notes do not
/// divide a payment again: what a payment pays is fixed by it and its invoice, both of which never
/// change, so what passes through does not depend on when it is derived.
/// </summary>
public static class OutcomePassThrough
{
    /// <summary>An issued invoice as a payment divides: its partnership, total with VAT and its milestone lines' net amount.</summary>
    public sealed record PaidInvoice(Guid InvoiceId, Guid PartnershipId, long Number, long TotalAmountOre, long OutcomeNetOre);

    /// <summary>A rate card version's pass-through share, in force from its day until the next version's.</summary>
    public sealed record ShareFrom(Guid PartnershipId, LocalDate EffectiveFrom, int ShareBasisPoints);

    /// <summary>A payment's outcome part passed through to the investor of the invoice's partnership.</summary>
    public sealed record Due(BankPayment Payment, PaidInvoice Invoice, int ShareBasisPoints, long AmountOre);

    /// <summary>The reference of the cash flow a payment passes through: once per payment, whatever derives it.</summary>
    public static string Reference(BankPayment payment) => $"payment:{payment.Id}";

    /// <summary>
    /// payment × the invoice's milestone lines' net / its total × the share, rounded once by
    /// <see cref="Money"/>: the outcome part is without VAT, since the VAT is the tax authority's.
    /// </summary>
    public static long Amount(long paymentOre, long outcomeNetOre, long invoiceTotalOre, int shareBasisPoints) =>
        Money.Share(paymentOre, outcomeNetOre * shareBasisPoints, invoiceTotalOre * 10_000);

    /// <summary>The share of the version in force on <paramref name="day"/>; 0 before the first version.</summary>
    public static int ShareOn(IEnumerable<ShareFrom> versions, Guid partnershipId, LocalDate day) =>
        versions.Where(v => v.PartnershipId == partnershipId && v.EffectiveFrom <= day).MaxBy(v => v.EffectiveFrom)?.ShareBasisPoints ?? 0;

    /// <summary>
    /// What the payments matched to <paramref name="invoices"/> pass through and has not been passed
    /// through yet (<paramref name="passedThrough"/> holds the references already recorded); a
    /// payment whose outcome part comes to nothing passes nothing.
    /// </summary>
    public static IReadOnlyList<Due> Of(IEnumerable<(BankPayment Payment, PaidInvoice Invoice)> matched, IReadOnlyCollection<ShareFrom> versions,
        IReadOnlySet<string> passedThrough) =>
        matched
            .Where(m => !passedThrough.Contains(Reference(m.Payment)))
            .Select(m =>
            {
                var share = ShareOn(versions, m.Invoice.PartnershipId, m.Payment.BookedOn);
                return new Due(m.Payment, m.Invoice, share, Amount(m.Payment.AmountOre, m.Invoice.OutcomeNetOre, m.Invoice.TotalAmountOre, share));
            })
            .Where(d => d.AmountOre > 0)
            .ToList();

    /// <summary>The cash flow that records what a payment passed through.</summary>
    public static InvestorCashFlow CashFlow(Due due, Instant now, string recordedBy) => new()
    {
        Id = Guid.CreateVersion7(),
        PartnershipId = due.Invoice.PartnershipId,
        Kind = CashFlowKind.OutcomePayment,
        OccurredOn = due.Payment.BookedOn,
        AmountOre = due.AmountOre,
        Reference = Reference(due.Payment),
        Note = $"{Money.Decimal2(due.ShareBasisPoints)} % of the outcome part of bank line {due.Payment.BankLineId} " +
            $"({Money.Decimal2(due.Payment.AmountOre)} DKK paying invoice {due.Invoice.Number})",
        RecordedAt = now,
        RecordedBy = recordedBy,
    };
}
