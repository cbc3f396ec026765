using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Costs;
using Partnerskab.Payment.Partnerships;
using Partnerskab.Payment.Persistence;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Payment.Ledger;

/// <summary>A cause about to be booked or credited: the key of the item (for a credit, of the item it takes back).</summary>
public sealed record LedgerCause(Guid PartnershipId, string? CitizenId, string CauseKey, bool Capped);

/// <summary>
/// The database side of booking: the caller locks the causes (<see cref="LockAsync"/>), reads
/// what the ledger holds for them under those locks (<see cref="ReadAsync"/>), books through
/// that snapshot (<see cref="LedgerBook"/>) and writes its new items in its transaction.
/// </summary>
public static class LedgerStore
{
    /// <summary>
    /// Orders the writes that must see each other: with caps, every item of the partnership
    /// (caps count them all, and the partnership's key is the one rate card changes take); without,
    /// an item and its credit (which may arrive first). Every write holds its partnerships' keys at
    /// least shared, so closing a period (which holds the key alone) waits for the bookings under
    /// way and they see it closed after. All in one statement, in hash order, so no two writers deadlock.
    /// </summary>
    public static Task LockAsync(PaymentDbContext db, IReadOnlyCollection<LedgerCause> causes, CancellationToken cancellationToken) =>
        AdvisoryLocks.LockAsync(db, causes.Select(c => c.Capped ? PartnershipLock.Key(c.PartnershipId) : c.CauseKey),
            causes.Select(c => PartnershipLock.Key(c.PartnershipId)), cancellationToken);

    /// <summary>What the ledger holds for the causes, read with one statement per kind of fact.</summary>
    public static async Task<LedgerSnapshot> ReadAsync(PaymentDbContext db, IReadOnlyCollection<LedgerCause> causes, CancellationToken cancellationToken)
    {
        var keys = causes.SelectMany(c => new[]
        {
            c.CauseKey, LedgerBook.CreditKey(c.CauseKey), LedgerBook.PricedKey(c.CauseKey), LedgerBook.CreditKey(LedgerBook.PricedKey(c.CauseKey)),
        });
        var items = await db.Ledger.WithKeys("cause_key", keys).AsNoTracking().ToListAsync(cancellationToken);

        var capped = causes.Where(c => c.Capped).ToList();
        var partnerships = capped.Select(c => c.PartnershipId).Distinct().ToList();
        var years = partnerships.Count == 0 ? [] : await db.LedgerYearTotals.AsNoTracking()
            .Where(t => partnerships.Contains(t.PartnershipId))
            .ToDictionaryAsync(t => (t.PartnershipId, t.Year), t => t.AmountOre, cancellationToken);
        var citizenIds = capped.Where(c => c.CitizenId is not null).Select(c => c.CitizenId!).Distinct().ToList();
        var citizens = citizenIds.Count == 0 ? [] : (await db.Ledger.AsNoTracking()
                .Where(i => partnerships.Contains(i.PartnershipId) && citizenIds.Contains(i.CitizenId!))
                .GroupBy(i => new { i.PartnershipId, i.CitizenId })
                .Select(g => new { g.Key.PartnershipId, g.Key.CitizenId, AmountOre = g.Sum(i => i.AmountOre) })
                .ToListAsync(cancellationToken))
            .ToDictionary(c => (c.PartnershipId, c.CitizenId!), c => c.AmountOre);
        var all = causes.Select(c => c.PartnershipId).Distinct().ToList();
        var closed = await db.ClosedPeriods.AsNoTracking().Where(c => all.Contains(c.PartnershipId) && c.ReopenedAt == null)
            .Select(c => new { c.PartnershipId, c.Start, c.End }).ToListAsync(cancellationToken);
        // The payers' own caps count what each payer has booked: a few rows per day in the day totals.
        var payers = partnerships.Count == 0 ? [] : (await db.LedgerDayTotals.AsNoTracking()
                .Where(t => partnerships.Contains(t.PartnershipId))
                .GroupBy(t => new { t.PartnershipId, t.PayerId })
                .Select(g => new { g.Key.PartnershipId, g.Key.PayerId, AmountOre = g.Sum(t => t.AmountOre) })
                .ToListAsync(cancellationToken))
            .ToDictionary(p => (p.PartnershipId, p.PayerId), p => p.AmountOre);
        return new LedgerSnapshot(items, years, citizens, closed.Select(c => (c.PartnershipId, new DateInterval(c.Start, c.End))), payers);
    }
}
