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
/// rate of the card in force when each was booked, by the year booked.</item>
/// <item>Earned is shown both ways: as booked (by the day each item was booked: a credit when it
/// was learnt, or in the first open period when its own was closed), which is the default since it
/// is what was invoiced and paid and what a closed year's accounts keep, and as corrected (by the
/// day each item is about: a credit in the year the revoked outcome belongs to). The year cap
/// counts items as corrected, as booking them under it did.</item>
/// <item>Periodic fees are booked by invoice runs; one due by the date but not booked yet counts
/// as earned at its full fee, so a past date reads the same before and after the run.</item>
/// <item>Total to date is the sum of the three; total expected adds the periodic fees still to
/// fall due up to the contract end (before caps).</item>
/// <item>Excluding VAT (as a kommune's budget follow-up reads it, since the kommune gets the VAT
/// back), a payment or an outstanding amount counts at its invoice's share of net in total, and
/// uninvoiced items and periodic fees at their net amounts.</item>
/// <item>Citizens handed over are the handover fees booked, milestones reached the milestones
/// booked less those taken back, each counted once: the price booked later for one earned
/// unpriced (and its credit) is the same handover or milestone again.</item>
/// <item>One payer's report (a price split across payers) counts its items, its documents and its
/// part of the periodic fees; the citizens and milestones it pays a part of are the partnership's;
/// budgets are left out (they are the partnership's) and the contract cap room is the payer's own
/// cap's. The payers' reports sum to the whole.</item>
/// <item>Budgets and caps are those of the rate card in force on the date. Share spent is paid
/// over budget; the expected difference is budget less what the year is expected to cost
/// (negative: over budget), as in the kommune's budget follow-up table.</item>
/// </list>
/// </summary>
public static class CostReport
{
    /// <param name="EarnedOre">The year's ledger items as booked (what was invoiced and paid, and what a closed year keeps).</param>
    /// <param name="CorrectedEarnedOre">The year's ledger items as corrected: by the day each is about (a credit by its effective day).</param>
    public sealed record Year(int Number, long EarnedOre, long PaidOre, long InvoicedUnpaidOre, long EarnedNotInvoicedOre, long ExpectedOre,
        long? BudgetOre, long? ShareSpentBasisPoints, long? ExpectedDifferenceOre, long? CapRemainingOre, long CorrectedEarnedOre);

    /// <summary>The partnership's contract period, when its registration has arrived.</summary>
    public sealed record Contract(Guid PartnershipId, LocalDate Start, LocalDate End)
    {
        /// <summary>The cause keys the periodic fees due by the date are booked under, once an invoice run books them.</summary>
        public IReadOnlyList<string> PeriodicFeeCauseKeys(IReadOnlyCollection<RateCard> versions, LocalDate upTo) =>
            PeriodicFees.Due(versions, Start, End, upTo).Select(f => f.CauseKey(PartnershipId)).ToList();
    }

    public sealed record CitizenCapRoom(string CitizenId, long BookedOre, long RemainingOre);

    public sealed record Report(IReadOnlyList<Year> Years, int LedgerItems, long PaidOre, long InvoicedUnpaidOre, long EarnedNotInvoicedOre,
        long ToDateOre, long ExpectedOre, int CitizensHandedOver, long CostPerCitizenOre, int MilestonesReached, long CostPerMilestoneOre,
        long? ContractCapRemainingOre, IReadOnlyList<CitizenCapRoom> CitizenCaps);

    /// <param name="ledger">The partnership's ledger items earned by the date, summed.</param>
    /// <param name="reconciled">The partnership's invoices reconciled as of the date.</param>
    /// <param name="contract">The contract period, if known, for periodic fees.</param>
    /// <param name="excludingVat">Count the kommune's money without VAT.</param>
    /// <param name="payerId">One payer's report (<see cref="LedgerItem.PayerId"/>); null for the partnership in total.</param>
    public static Report Compute(LocalDate asOf, LedgerTotals ledger, IReadOnlyCollection<PaymentMatching.ReconciledInvoice> reconciled,
        IReadOnlyCollection<RateCard> versions, Contract? contract, bool excludingVat = false, string? payerId = null)
    {
        bool Mine(string payer) => payerId is null || payer == payerId;
        long FeeOre(PeriodicFees.Occurrence f) => payerId is null ? f.Fee.AmountOre
            : PayerItems.Of(f.Card, f.Fee.AmountOre, 1, f.Fee.AmountOre).Where(p => p.PayerId == payerId).Sum(p => p.AmountOre);
        var card = Pricing.InForce(versions, asOf);
        var budgets = payerId is null ? card?.Budgets ?? [] : [];
        reconciled = [.. reconciled.Where(r => Mine(r.Invoice.PayerId))];
        var fees = contract is null ? [] : PeriodicFees.Due(versions, contract.Start, contract.End, contract.End).ToList();
        var all = ledger.Earned.Where(d => Mine(d.PayerId))
            .Concat(fees.Where(f => f.EarnedOn <= asOf && !ledger.BookedPeriodicFees.Contains(f.CauseKey(contract!.PartnershipId)))
                .Select(f => new LedgerTotals.Day(f.EarnedOn, f.EarnedOn, LedgerItemKind.PeriodicFee, LedgerItemKind.PeriodicFee, FeeOre(f), Items: 1, Causes: 1)))
            .ToList();
        // As booked: what was invoiced and paid goes by the day each item was booked.
        var earned = all.Where(d => d.BookedOn <= asOf).ToList();
        // As corrected: by the day each item is about.
        var corrected = all.Where(d => d.EarnedOn <= asOf).ToList();

        long Paying(Invoice invoice, long amountOre) => excludingVat ? Money.Share(amountOre, invoice.NetAmountOre, invoice.TotalAmountOre) : amountOre;
        int VatRate(RateCard? rateCard) => excludingVat ? 0 : rateCard?.VatRateBasisPoints ?? 0;
        var paid = reconciled.SelectMany(r => r.Payments.Select(p => (p.BookedOn.Year, AmountOre: Paying(r.Invoice, p.AmountOre)))).ToList();
        var unpaid = reconciled.Select(r => (r.Invoice.IssueDate.Year, OutstandingOre: Paying(r.Invoice, r.Standing.OutstandingOre))).ToList();
        var notInvoiced = WithVat(earned.Select(d => new LedgerTotals.Amount(d.BookedOn, d.AmountOre))
            .Concat(ledger.Documented.Where(d => Mine(d.PayerId)).Select(d => d with { AmountOre = -d.AmountOre })), on => VatRate(Pricing.InForce(versions, on)));
        var future = fees.Where(f => f.EarnedOn > asOf)
            .Select(f => (f.EarnedOn.Year, FeeOre(f) + Money.Vat(FeeOre(f), VatRate(f.Card)))).ToList();

        var years = earned.Select(d => d.BookedOn.Year).Concat(corrected.Select(d => d.EarnedOn.Year)).Concat(paid.Select(p => p.Year)).Concat(unpaid.Select(u => u.Year))
            .Concat(future.Select(f => f.Year)).Concat(budgets.Select(b => b.Year))
            .Distinct().Order()
            .Select(year =>
            {
                var yearPaid = paid.Where(p => p.Year == year).Sum(p => p.AmountOre);
                var yearUnpaid = unpaid.Where(u => u.Year == year).Sum(u => u.OutstandingOre);
                var yearNotInvoiced = notInvoiced.Where(n => n.Year == year).Sum(n => n.AmountOre);
                var yearEarned = earned.Where(d => d.BookedOn.Year == year).Sum(d => d.AmountOre);
                var yearCorrected = corrected.Where(d => d.EarnedOn.Year == year).Sum(d => d.AmountOre);
                var expected = yearPaid + yearUnpaid + yearNotInvoiced + future.Where(f => f.Year == year).Sum(f => f.Item2);
                var budget = budgets.FirstOrDefault(b => b.Year == year)?.AmountOre;
                return new Year(year, yearEarned, yearPaid, yearUnpaid, yearNotInvoiced, expected, budget,
                    budget is > 0 ? Money.BasisPoints(yearPaid, budget.Value) : null, budget - expected,
                    // The calendar-year cap counts items by the year they are about, as booking them under it did.
                    (payerId is null ? card?.CapPerYearOre : null) - yearCorrected is { } room ? Math.Max(0, room) : null, yearCorrected);
            }).ToList();

        var toDate = years.Sum(y => y.PaidOre + y.InvoicedUnpaidOre + y.EarnedNotInvoicedOre);
        // Counted over every payer's items: the lead item of a split cause counts it, wherever it is.
        var counted = ledger.Earned.Where(d => d.BookedOn <= asOf).ToList();
        var citizens = counted.Where(d => d.Kind == LedgerItemKind.HandoverFee).Sum(d => d.Causes);
        var milestones = counted.Where(d => d.Kind == LedgerItemKind.Milestone).Sum(d => d.Causes)
            - counted.Where(d => d is { Kind: LedgerItemKind.Credit, CreditedKind: LedgerItemKind.Milestone }).Sum(d => d.Causes);
        var contractCap = payerId is null ? card?.CapContractOre : card?.Payers.FirstOrDefault(p => p.PayerId == payerId)?.CapOre;
        return new Report(years, ledger.Earned.Where(d => Mine(d.PayerId)).Sum(d => d.Items), years.Sum(y => y.PaidOre), years.Sum(y => y.InvoicedUnpaidOre),
            years.Sum(y => y.EarnedNotInvoicedOre), toDate, toDate + future.Sum(f => f.Item2), citizens, Money.Share(toDate, 1, citizens),
            milestones, Money.Share(toDate, 1, milestones),
            contractCap - corrected.Sum(d => d.AmountOre) is { } contractRoom ? Math.Max(0, contractRoom) : null,
            payerId is null && card?.CapPerCitizenOre is { } perCitizen
                ? ledger.Citizens.OrderBy(c => c.CitizenId, StringComparer.Ordinal)
                    .Select(c => new CitizenCapRoom(c.CitizenId, c.BookedOre, Math.Max(0, perCitizen - c.BookedOre))).ToList()
                : []);
    }

    /// <summary>Net amounts per year with VAT at the rate for the day booked, rounded once per year and rate.</summary>
    private static List<(int Year, long AmountOre)> WithVat(IEnumerable<LedgerTotals.Amount> amounts, Func<LocalDate, int> vatRateOn) =>
        amounts.GroupBy(a => (a.BookedOn.Year, Rate: vatRateOn(a.BookedOn)))
            .Select(y => (y.Key.Year, y.Sum(a => a.AmountOre) + Money.Vat(y.Sum(a => a.AmountOre), y.Key.Rate)))
            .ToList();
}
