using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Ledger;
using Partnerskab.Payment.Persistence;

namespace Partnerskab.Payment.Costs;

/// <summary>
/// What the cost report needs of a partnership's ledger as of a date, from the totals the
/// database keeps per day (<see cref="LedgerDayTotal"/>, <see cref="DocumentedDayTotal"/>): a large
/// partnership holds over 100,000 items, too many to read or sum for every report.
/// </summary>
/// <param name="Earned">The items earned by the date, summed per day and kind.</param>
/// <param name="Documented">Of those booked by the date, the ones on documents issued by then, summed per day booked.</param>
/// <param name="BookedPeriodicFees">The cause keys, of those asked about, that a periodic fee is booked under.</param>
/// <param name="Citizens">What is booked per citizen by the date, when asked for.</param>
public sealed record LedgerTotals(IReadOnlyCollection<LedgerTotals.Day> Earned, IReadOnlyCollection<LedgerTotals.Amount> Documented,
    IReadOnlySet<string> BookedPeriodicFees, IReadOnlyCollection<LedgerTotals.Citizen> Citizens)
{
    /// <summary>
    /// Items earned on a day, of a kind (for credits: of the kind of the item taken back too); of
    /// them, <paramref name="Causes"/> book a cause of their own (see <see cref="LedgerDayTotal.Causes"/>).
    /// </summary>
    public sealed record Day(LocalDate EarnedOn, LocalDate BookedOn, LedgerItemKind Kind, LedgerItemKind CreditedKind, long AmountOre, int Items, int Causes,
        string PayerId = "");

    /// <summary>Items booked on a day, summed (of one payer).</summary>
    public sealed record Amount(LocalDate BookedOn, long AmountOre, string PayerId = "");

    public sealed record Citizen(string CitizenId, long BookedOre);

    /// <param name="periodicFeeCauseKeys">The cause keys of the periodic fees due by the date, to learn which are booked.</param>
    /// <param name="perCitizen">Sum per citizen too (a row per citizen, summed from the items: only when the caller may see them).</param>
    /// <param name="recordedBefore">As known then: only items and documents recorded before it, summed from them (the day
    /// totals know no recording time); null for now, from the day totals.</param>
    public static async Task<LedgerTotals> ReadAsync(PaymentDbContext db, Guid partnershipId, LocalDate asOf,
        IReadOnlyCollection<string> periodicFeeCauseKeys, bool perCitizen, Instant? recordedBefore, CancellationToken cancellationToken)
    {
        // An item is booked on or after the day it is about, so those earned by the date hold every one booked by then.
        var earned = recordedBefore is { } before
            ? await db.Ledger.Where(i => i.PartnershipId == partnershipId && i.EarnedOn <= asOf && i.RecordedAt < before)
                .GroupBy(i => new
                {
                    i.EarnedOn, i.BookedOn, i.Kind, i.PayerId,
                    CreditedKind = db.Ledger.Where(c => c.Id == i.CreditsItemId).Select(c => (LedgerItemKind?)c.Kind).FirstOrDefault() ?? i.Kind,
                })
                .Select(g => new Day(g.Key.EarnedOn, g.Key.BookedOn, g.Key.Kind, g.Key.CreditedKind, g.Sum(i => i.AmountOre), g.Count(),
                    g.Count(i => i.Lead && !i.CauseKey.StartsWith(LedgerBook.PricedPrefix) && !i.CauseKey.StartsWith(LedgerBook.CreditPrefix + LedgerBook.PricedPrefix)), g.Key.PayerId))
                .ToListAsync(cancellationToken)
            : await db.LedgerDayTotals.Where(t => t.PartnershipId == partnershipId && t.EarnedOn <= asOf)
                .Select(t => new Day(t.EarnedOn, t.BookedOn, t.Kind, t.CreditedKind, t.AmountOre, t.Items, t.Causes, t.PayerId)).ToListAsync(cancellationToken);
        var documented = recordedBefore is { } knownBy
            ? await db.Invoices.Where(d => d.PartnershipId == partnershipId && d.IssueDate <= asOf && d.CreatedAt < knownBy)
                .SelectMany(d => d.Lines)
                .Join(db.Ledger, l => l.LedgerItemId, i => i.Id, (l, i) => i)
                .Where(i => i.BookedOn <= asOf)
                .GroupBy(i => new { i.BookedOn, i.PayerId }).Select(g => new Amount(g.Key.BookedOn, g.Sum(i => i.AmountOre), g.Key.PayerId)).ToListAsync(cancellationToken)
            : await db.DocumentedDayTotals.Where(t => t.PartnershipId == partnershipId && t.IssueDate <= asOf && t.BookedOn <= asOf)
                .Select(t => new Amount(t.BookedOn, t.AmountOre, t.PayerId)).ToListAsync(cancellationToken);
        var booked = await db.Ledger.Where(i => i.PartnershipId == partnershipId && periodicFeeCauseKeys.Contains(i.CauseKey)
                && (recordedBefore == null || i.RecordedAt < recordedBefore))
            .Select(i => i.CauseKey).ToListAsync(cancellationToken);
        var citizens = perCitizen
            ? await db.Ledger.Where(i => i.PartnershipId == partnershipId && i.EarnedOn <= asOf && i.CitizenId != null
                    && (recordedBefore == null || i.RecordedAt < recordedBefore))
                .GroupBy(i => i.CitizenId!).Select(g => new Citizen(g.Key, g.Sum(i => i.AmountOre))).ToListAsync(cancellationToken)
            : [];
        return new LedgerTotals(earned, documented, booked.ToHashSet(StringComparer.Ordinal), citizens);
    }
}
