using NodaTime;
using Partnerskab.Payment.Invoicing;
using Partnerskab.Payment.Ledger;
using Partnerskab.Payment.RateCards;
using Partnerskab.Payment.Reconciliation;

namespace Partnerskab.Payment.Costs;

/// <summary>
/// What a partnership has cost, as of a date, from the facts dated by then: ledger items earned,
/// invoices and credit notes issued, payments booked. Money the kommune pays is counted with
/// VAT; the ledger's own figures (earned, caps) are without, as the rate card's caps are.
/// <list type="bullet">
/// <item>Paid: payments matched to the partnership's invoices, by the year they were booked.</item>
/// <item>Invoiced but unpaid: each invoice's total less its credit notes and payments (negative
/// when the kommune has money to get back), by the year it was issued.</item>
/// <item>Earned but not yet invoiced: items on no document issued by the date, with VAT at the
/// rate of the card in force when each was earned, by the year earned.</item>
/// <item>Periodic fees are booked by invoice runs; one due by the date but not booked yet counts
/// as earned at its full fee, so a past date reads the same before and after the run.</item>
/// <item>Total to date is the sum of the three; total expected adds the periodic fees still to
/// fall due up to the contract end (before caps).</item>
/// <item>Excluding VAT (as a kommune's budget follow-up reads it, since the kommune gets the VAT
/// back), a payment or an outstanding amount counts at its invoice's share of net in total, and
/// uninvoiced items and periodic fees at their net amounts.</item>
/// <item>Budgets and caps are those of the rate card in force on the date. Share spent is paid
/// over budget; the expected difference is budget less what the year is expected to cost
/// (negative: over budget), as in the kommune's budget follow-up table.</item>
/// </list>
/// </summary>
public static class CostReport
{
    public sealed record Year(int Number, long EarnedOre, long PaidOre, long InvoicedUnpaidOre, long EarnedNotInvoicedOre, long ExpectedOre,
        long? BudgetOre, long? ShareSpentBasisPoints, long? ExpectedDifferenceOre, long? CapRemainingOre);

    /// <summary>The partnership's contract period, when its registration has arrived.</summary>
    public sealed record Contract(Guid PartnershipId, LocalDate Start, LocalDate End);

    public sealed record CitizenCapRoom(string CitizenId, long BookedOre, long RemainingOre);

    public sealed record Report(IReadOnlyList<Year> Years, long PaidOre, long InvoicedUnpaidOre, long EarnedNotInvoicedOre, long ToDateOre,
        long ExpectedOre, int CitizensHandedOver, long CostPerCitizenOre, int VerifiedOutcomes, long CostPerVerifiedOutcomeOre,
        long? ContractCapRemainingOre, IReadOnlyList<CitizenCapRoom> CitizenCaps);

    /// <param name="ledger">Every ledger item of the partnership.</param>
    /// <param name="documents">Every invoice and credit note of the partnership.</param>
    /// <param name="reconciled">The partnership's invoices reconciled as of the date.</param>
    /// <param name="contract">The contract period, if known, for periodic fees.</param>
    /// <param name="excludingVat">Count the kommune's money without VAT.</param>
    public static Report Compute(LocalDate asOf, IReadOnlyCollection<LedgerItem> ledger, IReadOnlyCollection<Invoice> documents,
        IReadOnlyCollection<PaymentMatching.ReconciledInvoice> reconciled, IReadOnlyCollection<RateCard> versions, Contract? contract,
        bool excludingVat = false)
    {
        var card = Pricing.InForce(versions, asOf);
        var fees = contract is null ? [] : PeriodicFees.Due(versions, contract.Start, contract.End, contract.End).ToList();
        var booked = ledger.Select(i => i.CauseKey).ToHashSet(StringComparer.Ordinal);
        var earned = ledger.Where(i => i.EarnedOn <= asOf)
            .Concat(fees.Where(f => f.EarnedOn <= asOf && !booked.Contains(f.CauseKey(contract!.PartnershipId))).Select(f => new LedgerItem
            {
                Kind = LedgerItemKind.PeriodicFee, Code = f.Fee.Code, AmountOre = f.Fee.AmountOre, OriginalAmountOre = f.Fee.AmountOre,
                CauseKey = f.CauseKey(contract!.PartnershipId), EarnedOn = f.EarnedOn, PricingNote = "due, not booked yet",
            }))
            .ToList();
        var onDocuments = documents.Where(d => d.IssueDate <= asOf).SelectMany(d => d.Lines).Select(l => l.LedgerItemId).ToHashSet();

        long Paying(Invoice invoice, long amountOre) => excludingVat ? Money.Share(amountOre, invoice.NetAmountOre, invoice.TotalAmountOre) : amountOre;
        int VatRate(RateCard? rateCard) => excludingVat ? 0 : rateCard?.VatRateBasisPoints ?? 0;
        var paid = reconciled.SelectMany(r => r.Payments.Select(p => (p.BookedOn.Year, AmountOre: Paying(r.Invoice, p.AmountOre)))).ToList();
        var unpaid = reconciled.Select(r => (r.Invoice.IssueDate.Year, OutstandingOre: Paying(r.Invoice, r.Standing.OutstandingOre))).ToList();
        var notInvoiced = WithVat(earned.Where(i => !onDocuments.Contains(i.Id)), on => VatRate(Pricing.InForce(versions, on)));
        var future = fees.Where(f => f.EarnedOn > asOf)
            .Select(f => (f.EarnedOn.Year, f.Fee.AmountOre + Money.Vat(f.Fee.AmountOre, VatRate(f.Card)))).ToList();

        var years = earned.Select(i => i.EarnedOn.Year).Concat(paid.Select(p => p.Year)).Concat(unpaid.Select(u => u.Year))
            .Concat(future.Select(f => f.Year)).Concat(card?.Budgets.Select(b => b.Year) ?? [])
            .Distinct().Order()
            .Select(year =>
            {
                var yearPaid = paid.Where(p => p.Year == year).Sum(p => p.AmountOre);
                var yearUnpaid = unpaid.Where(u => u.Year == year).Sum(u => u.OutstandingOre);
                var yearNotInvoiced = notInvoiced.Where(n => n.Year == year).Sum(n => n.AmountOre);
                var yearEarned = earned.Where(i => i.EarnedOn.Year == year).Sum(i => i.AmountOre);
                var expected = yearPaid + yearUnpaid + yearNotInvoiced + future.Where(f => f.Year == year).Sum(f => f.Item2);
                var budget = card?.Budgets.FirstOrDefault(b => b.Year == year)?.AmountOre;
                return new Year(year, yearEarned, yearPaid, yearUnpaid, yearNotInvoiced, expected, budget,
                    budget is > 0 ? Money.BasisPoints(yearPaid, budget.Value) : null, budget - expected,
                    card?.CapPerYearOre - yearEarned is { } room ? Math.Max(0, room) : null);
            }).ToList();

        var toDate = years.Sum(y => y.PaidOre + y.InvoicedUnpaidOre + y.EarnedNotInvoicedOre);
        var kinds = ledger.ToDictionary(i => i.Id, i => i.Kind);
        var citizens = earned.Count(i => i.Kind == LedgerItemKind.HandoverFee);
        var outcomes = earned.Count(i => i.Kind == LedgerItemKind.Milestone)
            - earned.Count(i => i is { Kind: LedgerItemKind.Credit, CreditsItemId: { } credited } && kinds[credited] == LedgerItemKind.Milestone);
        return new Report(years, years.Sum(y => y.PaidOre), years.Sum(y => y.InvoicedUnpaidOre), years.Sum(y => y.EarnedNotInvoicedOre), toDate,
            toDate + future.Sum(f => f.Item2), citizens, Money.Share(toDate, 1, citizens), outcomes, Money.Share(toDate, 1, outcomes),
            card?.CapContractOre - earned.Sum(i => i.AmountOre) is { } contractRoom ? Math.Max(0, contractRoom) : null,
            card?.CapPerCitizenOre is { } perCitizen
                ? earned.Where(i => i.CitizenId is not null).GroupBy(i => i.CitizenId!).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new CitizenCapRoom(g.Key, g.Sum(i => i.AmountOre), Math.Max(0, perCitizen - g.Sum(i => i.AmountOre)))).ToList()
                : []);
    }

    /// <summary>Net amounts per year with VAT at the rate for the day earned, rounded once per year and rate.</summary>
    private static List<(int Year, long AmountOre)> WithVat(IEnumerable<LedgerItem> items, Func<LocalDate, int> vatRateOn) =>
        items.GroupBy(i => (i.EarnedOn.Year, Rate: vatRateOn(i.EarnedOn)))
            .Select(g => (g.Key.Year, g.Sum(i => i.AmountOre) + Money.Vat(g.Sum(i => i.AmountOre), g.Key.Rate)))
            .ToList();
}
